/**
 * Who is using the editor: the account and its token, kept in sessionStorage
 * so a reload stays logged in while a new browser window starts at the login
 * page. The token goes on every API call (as a Bearer header) and as the first
 * message of every sync socket — never in a URL.
 */
import type { Role } from '../../shared/document/roles.ts'
import { ApiError, callApi } from './api.ts'

/** The logged-in account. */
export interface Account {
  username: string
  role: Role
  /** The Party a delegation speaks for. */
  party?: string | null
}

/** A logged-in session. */
export interface Session {
  token: string
  account: Account
}

const storageKey = 'accord.session'

/** Logs in; the session is remembered for this tab. */
export async function logIn(username: string, password: string): Promise<Session> {
  const res = await callApi<{ token: string; account: Account }>('POST', '/api/login', undefined, {
    username,
    password,
  })
  const session = { token: res.token, account: res.account }
  sessionStorage.setItem(storageKey, JSON.stringify(session))
  return session
}

/** The remembered session if the server still accepts its token, else null. */
export async function resumeSession(): Promise<Session | null> {
  const raw = sessionStorage.getItem(storageKey)
  if (!raw) return null
  try {
    const saved = JSON.parse(raw) as Session
    // The account's role may have changed since; the server's word is the one that counts.
    const account = await callApi<Account>('GET', '/api/me', saved.token)
    return { token: saved.token, account }
  } catch (error) {
    // Offline (the server cannot be reached): work on as the account last seen; the server
    // judges every change when the connection is back, and closes the socket if the token is gone.
    if (error instanceof ApiError && error.status === 0) return JSON.parse(raw) as Session
    sessionStorage.removeItem(storageKey)
    return null
  }
}

/** Ends the session on the server and forgets it here. */
export async function logOut(session: Session): Promise<void> {
  sessionStorage.removeItem(storageKey)
  await callApi('POST', '/api/logout', session.token).catch(() => undefined)
}
