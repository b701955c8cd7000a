/**
 * The account routes as the browser calls them — every call of the accounts page is
 * here, so a change to the routes is a change to this file alone. Listing and creating
 * are the server's `GET`/`POST /api/accounts`; disabling, enabling and resetting a
 * password are `POST /api/accounts/:id/disable|enable|password` (the account-status
 * routes), whose answers end the account's sessions at once.
 */
import type { Role } from '../../shared/document/roles.ts'
import { callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'

/** An account as the server lists it; the fields after `createdAt` come with account management. */
export interface AccountEntry {
  id: number
  username: string
  role: Role
  party: string | null
  createdAt: number
  /** When it was disabled; null while it may log in. */
  disabledAt?: number | null
  /** Its last successful login; null before the first. */
  lastLoginAt?: number | null
}

/** A new account. */
export interface NewAccount {
  username: string
  password: string
  role: Role
  party?: string
}

/** The account calls of one secretariat session. */
export class AccountApi {
  constructor(private readonly session: Session) {}

  /** Every account. */
  list(): Promise<AccountEntry[]> {
    return callApi('GET', '/api/accounts', this.session.token)
  }

  /** Creates an account; a delegation's Party must be one of the party table. */
  create(account: NewAccount): Promise<AccountEntry> {
    return callApi('POST', '/api/accounts', this.session.token, account)
  }

  /** Disables the account: it cannot log in, and its sessions end now. */
  disable(id: number): Promise<AccountEntry> {
    return callApi('POST', `/api/accounts/${id}/disable`, this.session.token)
  }

  /** Lets a disabled account log in again with its password. */
  enable(id: number): Promise<AccountEntry> {
    return callApi('POST', `/api/accounts/${id}/enable`, this.session.token)
  }

  /** A new password for the account, answered once; its sessions end now. */
  resetPassword(id: number): Promise<{ account: AccountEntry; password: string }> {
    return callApi('POST', `/api/accounts/${id}/password`, this.session.token)
  }
}
