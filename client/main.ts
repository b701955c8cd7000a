/**
 * The browser app: login, the documents page, the accounts page (secretariat), the
 * editor and the revisions page. The address says where the user is
 * (`#/documents/ID`, `#/accounts`), so a reload returns to the same place.
 */
import './app/no-eval.ts'
import './styles.css'
import { logOut, resumeSession, type Session } from './app/session.ts'
import { callApi } from './app/api.ts'
import { showLoginPage } from './pages/login-page.ts'
import { showDocumentListPage, type ListedDocument } from './pages/document-list-page.ts'
import { showEditorPage } from './pages/editor-page.ts'
import { showRevisionsPage } from './revisions/revisions-page.ts'
import { showMissingDocumentPage } from './pages/missing-document-page.ts'
import { showAccountsPage } from './accounts/accounts-page.ts'
import { managesRecord } from '../shared/document/roles.ts'

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
    const listed = await callApi<ListedDocument[]>('GET', '/api/documents', session.token).then(
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
resumeSession().then((s) => {
  session = s
  void route()
})
