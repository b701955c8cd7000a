/**
 * The documents page: the documents the account can open and, for the secretariat, the
 * desk — table a text (upload, preview, create), rename, archive or delete documents,
 * restore archived ones, and the way to the accounts page.
 */
import type { Session } from '../app/session.ts'
import { button, el } from '../dom/element.ts'
import type { RoomKind } from '../../shared/document/rooms.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { DocumentApi } from '../documents/document-api.ts'
import { archivedRow, documentRow, type RowEvents } from '../documents/document-row.ts'
import { createUploadPanel } from '../documents/upload-panel.ts'

/** A listed document, with the names of its sync rooms (a client never builds them). */
export interface ListedDocument {
  id: string
  title: string
  rooms: Record<RoomKind, string>
}

/** What the page's links lead to. */
export interface ListPageActions {
  open(doc: ListedDocument): void
  accounts(): void
  logout(): void
}

/** Shows the documents page in `root`. */
export async function showDocumentListPage(root: HTMLElement, session: Session, go: ListPageActions): Promise<void> {
  const api = new DocumentApi(session)
  const manage = managesRecord(session.account.role)
  const list = el('ul', { class: 'document-list', 'aria-label': 'Documents' })
  const archived = el('ul', { class: 'document-list archived-list', 'aria-label': 'Archived documents' })
  const notice = el('p', { class: 'notice', role: 'status' })
  const problem = el('p', { class: 'form-error', role: 'alert' })
  const page = el('main', { class: 'list-page' })
  const events: RowEvents = {
    open: (doc) => go.open(doc),
    changed: (message) => {
      problem.textContent = ''
      notice.textContent = message
      void refresh()
    },
    failed: (message) => {
      notice.textContent = ''
      problem.textContent = message
    },
  }
  page.append(
    el(
      'header',
      { class: 'list-header' },
      el('h1', {}, 'Documents'),
      el(
        'span',
        { class: 'who' },
        `${session.account.username} (${session.account.role}${session.account.party ? `, ${session.account.party}` : ''})`,
      ),
      ...(manage ? [button('Accounts', { class: 'accounts-link' }, () => go.accounts())] : []),
      button('Log out', {}, () => go.logout()),
    ),
    notice,
    problem,
    list,
  )
  if (manage)
    page.append(
      createUploadPanel(api, (created) => events.changed(`Created “${created.document.title}”, tabled as Rev.0.`)),
      el('details', { class: 'archive' }, el('summary', {}, 'Archived documents'), archived),
    )
  root.replaceChildren(page)

  const refresh = async () => {
    try {
      const [live, gone] = await Promise.all([api.list(), manage ? api.archived() : Promise.resolve([])])
      list.replaceChildren(...live.map((doc) => documentRow(doc, api, manage, events)))
      if (!live.length) list.append(el('li', {}, 'No documents yet.'))
      archived.replaceChildren(...gone.map((doc) => archivedRow(doc, api, events)))
      if (!gone.length) archived.append(el('li', { class: 'muted' }, 'Nothing is archived.'))
      page.dataset.ready = 'true'
    } catch (e) {
      list.replaceChildren(
        el('li', { class: 'form-error', role: 'alert' }, `Cannot list documents: ${(e as Error).message}`),
      )
    }
  }
  await refresh()
}
