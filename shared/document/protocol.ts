/**
 * The sync protocol's constants, shared by server and client: y-websocket's message
 * types, the close codes Accord uses, and refusals as stable codes with a human message
 * beside them. A client reads the code, never the server's prose.
 */

/** y-websocket message type: sync protocol (step 1, step 2, update). */
export const MESSAGE_SYNC = 0
/** y-websocket message type: awareness (presence) update. */
export const MESSAGE_AWARENESS = 1
/** y-websocket message type: auth; the server sends "permission denied" with it. */
export const MESSAGE_AUTH = 2
/** y-websocket message type: a request for every current awareness state. */
export const MESSAGE_QUERY_AWARENESS = 3

/**
 * Close codes. y-websocket 3 treats 4400–4499 as permanent: the provider stops
 * reconnecting (and resending a refused edit).
 */
export const CLOSE = {
  /** Text frames, unknown message types. */
  unsupported: 1003,
  /** A message that cannot be decoded. */
  malformed: 1007,
  /**
   * A frame over the message limit (`GET /api/limits` gives it). Sent by the WebSocket layer
   * itself, with no reason. An edit over the limit can never be sent: the editor checks each
   * update before sending it and drops one over the limit, and on this close it stops
   * reconnecting (reconnecting would resend the same edit in sync step 2, forever) and reopens
   * from the server's state, saying why (`tooLargeMessage`).
   */
  tooBig: 1009,
  /** The server failed (storage, an internal error). */
  internal: 1011,
  /** The client stopped reading its socket. */
  notReading: 1013,
  /** The session ended: logout, expiry, password reset, account disabled or role changed. */
  sessionEnded: 4401,
  /** The socket kept sending writes it may not make. */
  writeForbidden: 4403,
  /** The document no longer exists (archived or deleted). */
  noSuchDocument: 4404,
} as const

/** Why the server refused an update: a stable code. */
export type RefusalCode =
  | 'read-only'
  | 'unknown-root'
  | 'invalid-value'
  | 'not-yours'
  | 'entry-rule'
  | 'incomplete'
  | 'size-limit'
  | 'too-large'
  | 'wrong-time'

/** A refusal as it travels: its code, and a message a person can read. */
export interface Refusal {
  code: RefusalCode
  /** What was refused and why, naming the map and key (`resolutions.g39: …`). */
  message: string
}

/** What a refusal code means to the person who made the change, for the editor to show. */
export const REFUSAL_MEANING: Record<RefusalCode, string> = {
  'read-only': 'your account may not change this part of the document',
  'unknown-root': 'the change writes something this document does not hold',
  'invalid-value': 'the change writes a value the document does not accept',
  'not-yours': 'the change speaks for another account or Party',
  'entry-rule': 'the change breaks a rule of the record (proposals, stances and the log are only added to)',
  incomplete: 'the change builds on changes the server does not have; reload the document',
  'size-limit': 'the document has reached its size limit',
  'too-large': 'the text of a proposal or comment is longer than the document allows',
  'wrong-time': 'the change is dated otherwise than the server’s clock (check this computer’s clock)',
}

/** The text of a refusal in the auth protocol's "permission denied" reason. */
export function encodeRefusal(refusal: Refusal): string {
  return JSON.stringify(refusal)
}

/** The refusal in a "permission denied" reason or a 4403 close reason; an unreadable one is kept as its message. */
export function decodeRefusal(reason: string): Refusal {
  try {
    const parsed = JSON.parse(reason) as Partial<Refusal>
    if (typeof parsed.code === 'string' && parsed.code in REFUSAL_MEANING && typeof parsed.message === 'string') {
      return { code: parsed.code as RefusalCode, message: parsed.message }
    }
  } catch {
    // not JSON: an older server, or a close reason cut short
  }
  if (reason in REFUSAL_MEANING) return { code: reason as RefusalCode, message: REFUSAL_MEANING[reason as RefusalCode] }
  return { code: 'read-only', message: reason }
}

/** The largest WebSocket message a server takes unless configured otherwise (`ACCORD_MAX_MESSAGE_BYTES`). */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024

/** The size of the sync message that carries an update of `updateBytes` (type, step, length, update): what the limit weighs. */
export function syncUpdateMessageBytes(updateBytes: number): number {
  let lengthBytes = 1
  for (let n = updateBytes; n >= 0x80; n = Math.floor(n / 0x80)) lengthBytes++
  return 2 + lengthBytes + updateBytes
}

/**
 * What the editor says of an edit over the message limit: its size and the limit when the
 * editor weighed it, nothing when the server closed the socket for it (1009) first.
 */
export function tooLargeMessage(weighed?: { bytes: number; limit: number }): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`
  const size = weighed ? `${mb(weighed.bytes)}; the limit is ${mb(weighed.limit)}` : 'over the server’s limit'
  return (
    `This edit is too large to send (${size}): it was not sent, and the editor is back to the ` +
    'text as the server has it. Paste or change it in smaller parts.'
  )
}
