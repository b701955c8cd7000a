// The editor weighs an edit before sending it: the weight it computes is the size of the
// sync message y-websocket would send, at every boundary of the length's varint.
import { describe, expect, it } from 'vitest'
import { syncUpdateMessageBytes, tooLargeMessage } from '../../shared/document/protocol.ts'
import { syncUpdateMessage } from '../sync-messages.ts'

describe('the size of a sync update message', () => {
  it('is what the message takes, at each varint boundary', () => {
    for (const n of [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 5_000_000]) {
      expect(syncUpdateMessageBytes(n)).toBe(syncUpdateMessage(new Uint8Array(n)).length)
    }
  })

  it('is said with the size and the limit, or without when the server closed first', () => {
    expect(tooLargeMessage({ bytes: 5 * 1024 * 1024, limit: 4 * 1024 * 1024 })).toMatch(
      /^This edit is too large to send \(5\.0 MB; the limit is 4\.0 MB\): it was not sent/,
    )
    expect(tooLargeMessage()).toMatch(/^This edit is too large to send \(over the server’s limit\)/)
  })
})
