/**
 * The documents an account may open, as the server lists them (with their room names),
 * remembered on this device for the account, so a reload while offline still finds the
 * document it was on (its copy is on the device too: `collab/offline-copy.ts`).
 */
import { ApiError, callApi } from './api.ts'
import type { Session } from './session.ts'
import type { ListedDocument } from '../pages/document-list-page.ts'

const storageKey = (username: string) => `accord.documents.${username}`

/** The server's list; the one last seen on this device when the server cannot be reached. */
export async function listDocuments(session: Session): Promise<ListedDocument[]> {
  const key = storageKey(session.account.username)
  try {
    const docs = await callApi<ListedDocument[]>('GET', '/api/documents', session.token)
    localStorage.setItem(key, JSON.stringify(docs))
    return docs
  } catch (error) {
    const kept = localStorage.getItem(key)
    if (error instanceof ApiError && error.status === 0 && kept) return JSON.parse(kept) as ListedDocument[]
    throw error
  }
}
