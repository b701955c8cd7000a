/**
 * The browser app: login, the documents page, the accounts page (secretariat), the
 * editor, the revisions page and the room's projection. The address says where the
 * user is (`#/documents/ID`, `#/accounts`, `#/projection/LINK`), so a reload returns
 * to the same place.
 */
import './app/no-eval.ts'
import './styles.css'
import { logOut, resumeSession, type Session } from './app/session.ts'
import { listDocuments } from './app/document-listing.ts'
import { showLoginPage } from './pages/login-page.ts'
import { showDocumentListPage, type ListedDocument } from './pages/document-list-page.ts'
import { showEditorPage } from './pages/editor-page.ts'
import { showRevisionsPage } from './revisions/revisions-page.ts'
import { showMissingDocumentPage } from './pages/missing-document-page.ts'
import { showAccountsPage } from './accounts/accounts-page.ts'
import { managesRecord } from '../shared/document/roles.ts'
import { showProjectionPage } from './projection/projection-page.ts'

const root = document.getElementById('app')!
let session: Session | null = null
let closePage: (() => void) | null = null

function leavePage(): void {
  try {
    closePage?.()
  } catch (error) {
    // A page that fails to tear down must not strand the user on it.
    console.error('closing the page failed', error)
  }
  closePage = null
}

async function route(): Promise<void> {
  leavePage()
  // The room's screen opens with its projection link, without a login.
  const projection = /^#\/projection\/([^/]+)$/.exec(location.hash)
  if (projection) {
    closePage = showProjectionPage(root, decodeURIComponent(projection[1]!))
    return
  }
  if (!session)
    return showLoginPage(root, (s) => {
      session = s
      void route()
    })
  const toList = () => (location.hash = '#/documents')
  if (location.hash === '#/accounts' && managesRecord(session.account.role)) {
    closePage = showAccountsPage(root, session, toList)
    document.title = 'Accounts — Accord'
    return
  }
  // Document ids never contain '/', so `ID/revisions` is the revisions page, not a document.
  const opened = /^#\/documents\/([^/]+)(\/revisions)?$/.exec(location.hash)
  if (opened) {
    const id = decodeURIComponent(opened[1]!)
    const listed = await listDocuments(session).then(
      (docs) => docs.find((d) => d.id === id) ?? null,
      () => null,
    )
    const missing = () => {
      leavePage()
      closePage = showMissingDocumentPage(root, id, toList)
      document.title = 'No such document — Accord'
    }
    if (!listed) missing()
    else if (opened[2]) {
      const toEditor = () => (location.hash = `#/documents/${encodeURIComponent(id)}`)
      closePage = showRevisionsPage(root, session, id, listed.title, toEditor)
      document.title = `${listed.title}: revisions — Accord`
    } else {
      closePage = showEditorPage(root, session, listed, toList, missing)
      document.title = `${listed.title} — Accord`
    }
    return
  }
  document.title = 'Accord'
  await showDocumentListPage(root, session, {
    open: (doc) => (location.hash = `#/documents/${encodeURIComponent(doc.id)}`),
    accounts: () => (location.hash = '#/accounts'),
    logout: async () => {
      await logOut(session!)
      session = null
      location.hash = ''
      void route()
    },
  })
}

window.addEventListener('hashchange', () => void route())
// The app shell, kept for a reload while offline (the documents are kept by the page itself).
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/app-shell-worker.js').catch(() => undefined)
resumeSession().then((s) => {
  session = s
  void route()
})
