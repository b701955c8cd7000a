/**
 * The server's limits (`GET /api/limits`), asked once per page: the editor weighs each edit
 * against the message limit before sending it. Offline (or on an older server) the
 * defaults stand in; the server still closes a frame over its limit (1009).
 */
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../shared/document/protocol.ts'
import { callApi } from './api.ts'
import type { Session } from './session.ts'

/** The limits the editor respects. */
export interface ServerLimits {
  maxMessageBytes: number
}

let asked: Promise<ServerLimits> | undefined

/** The server's limits, or the defaults when it cannot say. */
export function serverLimits(session: Session): Promise<ServerLimits> {
  asked ??= callApi<ServerLimits>('GET', '/api/limits', session.token).then(
    (limits) => ({ maxMessageBytes: limits.maxMessageBytes }),
    () => {
      asked = undefined // ask again next time
      return { maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES }
    },
  )
  return asked
}
