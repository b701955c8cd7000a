/**
 * The list of documents the account can open.
 */
import { callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import { el } from '../dom/element.ts'
import type { RoomKind } from '../../shared/document/rooms.ts'

/** A listed document, with the names of its sync rooms (a client never builds them). */
export interface ListedDocument {
  id: string
  title: string
  rooms: Record<RoomKind, string>
}

/** Shows the documents in `root`; `onOpen` opens one, `onLogout` ends the session. */
export async function showDocumentListPage(
  root: HTMLElement,
  session: Session,
  onOpen: (doc: ListedDocument) => void,
  onLogout: () => void,
): Promise<void> {
  const list = el('ul', { class: 'document-list' })
  const logout = el('button', { type: 'button' }, 'Log out')
  logout.addEventListener('click', () => onLogout())
  root.replaceChildren(
    el(
      'main',
      { class: 'list-page' },
      el(
        'header',
        { class: 'list-header' },
        el('h1', {}, 'Documents'),
        el(
          'span',
          { class: 'who' },
          `${session.account.username} (${session.account.role}${session.account.party ? `, ${session.account.party}` : ''})`,
        ),
        logout,
      ),
      list,
    ),
  )
  try {
    const documents = await callApi<ListedDocument[]>('GET', '/api/documents', session.token)
    if (!documents.length) list.append(el('li', {}, 'No documents yet.'))
    for (const doc of documents) {
      const a = el('a', { href: `#/documents/${encodeURIComponent(doc.id)}`, class: 'document-link' }, doc.title)
      a.addEventListener('click', (event) => {
        event.preventDefault()
        onOpen(doc)
      })
      list.append(el('li', {}, a, el('span', { class: 'doc-id' }, ` ${doc.id}`)))
    }
  } catch (e) {
    list.append(el('li', { class: 'form-error', role: 'alert' }, `Cannot list documents: ${(e as Error).message}`))
  }
}
