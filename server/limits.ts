/**
 * The service's resource limits.
 * Limits exist so one client — buggy or hostile — cannot take the process down or
 * starve everyone else.
 */
import { DEFAULT_MAX_MESSAGE_BYTES } from '../shared/document/protocol.ts'

/** The limits a running server enforces. */
export interface Limits {
  /** Largest WebSocket message accepted; bigger frames close that socket with 1009. */
  maxMessageBytes: number
  /** Largest stored size of one room (its update log); updates beyond it are refused. */
  maxDocumentBytes: number
  /** Open sync connections one account may hold at once. */
  maxConnectionsPerAccount: number
  /** Failed logins per (username, caller) before each further try waits longer (`auth/login-throttle.ts`). */
  loginFreeFailures: number
  /**
   * Failed logins per remote address in 15 minutes, whatever the usernames, before that
   * address is refused (a delegation hall often shares one address behind NAT).
   */
  loginAddressFailures: number
  /** Largest HTTP JSON or text body (an uploaded non-paper). */
  maxBodyBytes: number
  /** Refused updates one socket may send before it is closed with 4403. */
  refusalsBeforeClose: number
  /** Longest one import (preview or creation) may run in the import thread, in ms; longer: 422. */
  importTimeMs: number
  /** The import thread's heap ceiling in MB; an import that needs more: 422. */
  importMemoryMb: number
  /** Imports that may wait behind the running one; more: 503 with Retry-After. */
  importQueue: number
}

/** Defaults sized for a negotiation room: a few hundred participants, texts of a few MB. */
export const defaultLimits: Limits = {
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxConnectionsPerAccount: 20,
  loginFreeFailures: 5,
  loginAddressFailures: 100,
  maxBodyBytes: 16 * 1024 * 1024,
  refusalsBeforeClose: 3,
  importTimeMs: 120_000,
  // 50× the largest body, the budget an import is designed to stay within (issue 20).
  importMemoryMb: 800,
  importQueue: 4,
}
