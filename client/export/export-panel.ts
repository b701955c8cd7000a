/**
 * The export panel, in the editor's side panel and on the revisions page: every format
 * (Word, PDF, HTML, Akoma Ntoso, plain text, and the assigned amounts as CSV), the text
 * consolidated or as negotiated, from the working draft or any revision, under the
 * document's UN header (edited here by the secretariat), with the lines numbered or not
 * (Word, PDF and HTML: the numbers delegates quote in the room). A file is fetched with the
 * session's token and saved under the name the server gives it; what a consolidation
 * leaves open is said beside it (and listed inside the file).
 */
import { ApiError } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import { button, el } from '../dom/element.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { DocumentApi } from '../documents/document-api.ts'
import { DRAFT, RevisionApi } from '../revisions/revision-api.ts'
import { headerForm } from './header-form.ts'

const FORMATS: { format: string; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'akn', label: 'Akoma Ntoso' },
  { format: 'txt', label: 'Plain text' },
  { format: 'csv', label: 'Amounts (CSV)' },
]

/** The panel for `documentId`; `open` starts it unfolded (the revisions page). */
export function createExportPanel(session: Session, documentId: string, options: { open?: boolean } = {}): HTMLElement {
  const documents = new DocumentApi(session)
  const revisions = new RevisionApi(session, documentId)
  const source = el(
    'select',
    { id: `export-source-${documentId}`, 'aria-label': 'Export from' },
    el('option', { value: DRAFT }, 'Working draft'),
  )
  const consolidated = el('input', { type: 'radio', name: `export-form-${documentId}`, value: 'true', checked: '' })
  const asIs = el('input', { type: 'radio', name: `export-form-${documentId}`, value: 'false' })
  const lineNumbers = el('input', { type: 'checkbox', id: `export-lines-${documentId}` })
  const status = el('p', { class: 'export-status', role: 'status', 'aria-live': 'polite' })
  const buttons = FORMATS.map(({ format, label }) =>
    button(label, { 'data-format': format, 'aria-label': `Export as ${label}` }, () => void download(format)),
  )

  const download = async (format: string) => {
    const query = new URLSearchParams({ format, consolidated: consolidated.checked ? 'true' : 'false' })
    if (source.value !== DRAFT) query.set('revision', source.value)
    if (lineNumbers.checked) query.set('lineNumbers', 'true')
    status.textContent = `Preparing the ${format.toUpperCase()} file…`
    buttons.forEach((b) => (b.disabled = true))
    try {
      const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/export?${query}`, {
        headers: { authorization: `Bearer ${session.token}` },
      })
      if (!res.ok) {
        const body = await res.json().catch(() => ({}))
        throw new ApiError(res.status, body.error ?? res.statusText, body.details ?? [])
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`
      const open = Number(res.headers.get('x-accord-unresolved') ?? 0)
      const url = URL.createObjectURL(await res.blob())
      const a = el('a', { href: url, download: name, hidden: '' })
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      status.textContent = `Saved ${name}${consolidated.checked && format !== 'csv' ? (open ? ` — ${open} item${open === 1 ? '' : 's'} still open, listed in its annex` : ' — nothing left open') : ''}.`
    } catch (e) {
      const detail = e instanceof ApiError ? e.details[0]?.message : undefined
      status.textContent = `The export failed: ${(e as Error).message}${detail ? ` (${detail})` : ''}`
    } finally {
      buttons.forEach((b) => (b.disabled = false))
    }
  }

  const loadRevisions = () =>
    revisions.list().then(
      (list) => {
        const keep = source.value
        source.replaceChildren(
          el('option', { value: DRAFT }, 'Working draft'),
          ...list.map((r) => el('option', { value: r.name }, r.description ? `${r.name} (${r.description})` : r.name)),
        )
        if ([...source.options].some((o) => o.value === keep)) source.value = keep
      },
      () => undefined,
    )

  const dom = el(
    'details',
    { class: 'export-panel' },
    el('summary', {}, 'Export'),
    el(
      'div',
      { class: 'export-choices' },
      el('label', { for: source.id }, 'From'),
      source,
      el('label', {}, consolidated, ' Consolidated'),
      el('label', {}, asIs, ' As negotiated'),
      el('label', {}, lineNumbers, ' Line numbers'),
    ),
    el('div', { class: 'export-formats' }, ...buttons),
    status,
    el(
      'details',
      { class: 'export-header' },
      el('summary', {}, 'Document header'),
      headerForm(documents, documentId, managesRecord(session.account.role)),
    ),
  )
  if (options.open) dom.open = true
  // Revisions are made while the editor is open: the list is read whenever the panel opens.
  dom.addEventListener('toggle', () => dom.open && void loadRevisions())
  if (options.open) void loadRevisions()
  return dom
}
