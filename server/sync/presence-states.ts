/**
 * The states an awareness update carries, read without applying it (y-protocols' encoding:
 * a count, then client id, clock and the state as JSON for each), so the server can judge a
 * presence before the room relays it.
 */
import * as decoding from 'lib0/decoding'

/** The states in `update` (null for a client that left); throws on a malformed update. */
export function presenceStates(update: Uint8Array): unknown[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const states: unknown[] = []
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    states.push(JSON.parse(decoding.readVarString(decoder)))
  }
  return states
}
