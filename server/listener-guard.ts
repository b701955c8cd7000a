/**
 * A listener that cannot stop the process. Node treats an exception thrown from an
 * event listener or a timer as fatal; one malformed request must cost only its own
 * socket. Every listener the server registers — upgrade, request, message, close,
 * error, timers — is wrapped here: an error is logged and handed to `recover`, which
 * answers or closes that one socket.
 */

/** Where guarded listeners report what they caught. */
export type GuardLog = (line: string) => void

/**
 * `listener`, made safe: what it throws (or, for an async listener, rejects with) is
 * logged as `accord: <what> failed: …` and passed to `recover` with the listener's
 * arguments. An error thrown by `recover` itself is logged too, never rethrown.
 */
export function guarded<A extends unknown[]>(
  what: string,
  log: GuardLog,
  listener: (...args: A) => unknown,
  recover: (error: unknown, ...args: A) => void = () => {},
): (...args: A) => void {
  const fail = (error: unknown, args: A): void => {
    log(`accord: ${what} failed: ${error instanceof Error ? error.message : String(error)}`)
    try {
      recover(error, ...args)
    } catch (again) {
      log(
        `accord: recovering from a failed ${what} failed too: ${again instanceof Error ? again.message : String(again)}`,
      )
    }
  }
  return (...args: A) => {
    try {
      const result = listener(...args)
      if (result instanceof Promise) result.catch((error: unknown) => fail(error, args))
    } catch (error) {
      fail(error, args)
    }
  }
}
