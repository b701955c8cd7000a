/**
 * The browser app: login, the document list, the editor. The address says
 * where the user is (`#/documents/ID`), so a reload returns to the same place.
 */
import './styles.css'
import { logOut, resumeSession, type Session } from './app/session.ts'
import { callApi } from './app/api.ts'
import { showLoginPage } from './pages/login-page.ts'
import { showDocumentListPage, type ListedDocument } from './pages/document-list-page.ts'
import { showEditorPage } from './pages/editor-page.ts'

const root = document.getElementById('app')!
let session: Session | null = null
let closePage: (() => void) | null = null

async function route(): Promise<void> {
  closePage?.()
  closePage = null
  if (!session) return showLoginPage(root, (s) => {
    session = s
    void route()
  })
  const match = /^#\/documents\/(.+)$/.exec(location.hash)
  if (match) {
    const id = decodeURIComponent(match[1])
    const title = await callApi<ListedDocument[]>('GET', '/api/documents', session.token).then((docs) => docs.find((d) => d.id === id)?.title ?? id, () => id)
    closePage = showEditorPage(root, session, id, title, () => (location.hash = '#/documents'))
    document.title = `${title} — Accord`
    return
  }
  document.title = 'Accord'
  await showDocumentListPage(root, session, (doc) => (location.hash = `#/documents/${encodeURIComponent(doc.id)}`), async () => {
    await logOut(session!)
    session = null
    location.hash = ''
    void route()
  })
}

window.addEventListener('hashchange', () => void route())
resumeSession().then((s) => {
  session = s
  void route()
})
