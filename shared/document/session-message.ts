/**
 * How a browser's sync socket says whose it is without putting the session token in the
 * URL (where proxies and access logs would keep it): its first message is an auth message
 * (y-websocket type 2) of sub-type `AUTH_SESSION_TOKEN` carrying the token. The server
 * joins the socket to its room only after reading it. (Sub-type 0 is y-protocols'
 * "permission denied", which only the server sends.) Also here: the close code for a
 * socket over its account's connection budget.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AUTH } from './protocol.ts'

/** The auth message sub-type of a client presenting its session token. */
export const AUTH_SESSION_TOKEN = 1

/** Close code: the account already holds as many sync sockets as it may (permanent for y-websocket: 44xx). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429

/** The first message of a socket that authenticates with `token`. */
export function sessionTokenMessage(token: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_SESSION_TOKEN)
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder)
}

/** The token in a session-token message; undefined for any other message (or a malformed one). */
export function readSessionTokenMessage(message: Uint8Array): string | undefined {
  try {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return undefined
    if (decoding.readVarUint(decoder) !== AUTH_SESSION_TOKEN) return undefined
    const token = decoding.readVarString(decoder)
    return decoding.hasContent(decoder) ? undefined : token
  } catch {
    return undefined
  }
}
