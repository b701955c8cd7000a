/**
 * An error that is the request's fault: it becomes a 400 answer (or a 400 refusal of a
 * WebSocket upgrade) with the message and a hint, never a 500 or a crash.
 */

/** A malformed request: what is wrong with it and how to fix it. */
export class BadRequest extends Error {
  /** The HTTP status express's error handler answers with. */
  readonly status = 400
  constructor(
    message: string,
    /** How to send a request that works. */
    readonly hint: string,
  ) {
    super(message)
    this.name = 'BadRequest'
  }
}
