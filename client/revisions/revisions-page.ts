/**
 * The revisions page of a document (`#/documents/ID/revisions`): every
 * revision with its author and time; co-chairs and the secretariat make a new
 * one from the working draft or restore an old one (which makes a new revision
 * and never removes any); anyone opens one read-only or compares any two, side
 * by side or inline; and the bracket history chart shows what remained open per
 * section at each revision.
 */
import './revisions.css'
import { capabilitiesOf } from '../app/capabilities.ts'
import type { Session } from '../app/session.ts'
import { comparisonView, type CompareLayout } from '../compare/comparison-view.ts'
import { el } from '../dom/element.ts'
import { createExportPanel } from '../export/export-panel.ts'
import { bracketHistoryChart } from './bracket-history-chart.ts'
import { DRAFT, RevisionApi, type RevisionEntry } from './revision-api.ts'
import { revisionReader } from './revision-reader.ts'
import { formatDateTime } from '../format/date-format.ts'

/** Shows the revisions of `documentId` in `root`; `onEditor` goes back to the editor. Returns the function that closes the page. */
export function showRevisionsPage(
  root: HTMLElement,
  session: Session,
  documentId: string,
  title: string,
  onEditor: () => void,
): () => void {
  const api = new RevisionApi(session, documentId)
  const mayWrite = capabilitiesOf(session.account).resolve
  let closed = false

  const back = el('button', { type: 'button', class: 'back' }, '← Editor')
  back.addEventListener('click', () => onEditor())
  const message = el('div', { class: 'message', role: 'alert', hidden: '' })
  const list = el('tbody', {})
  const chart = el('div', { class: 'chart-slot' })
  const view = el('div', { class: 'revision-view', 'aria-live': 'polite' })
  const fromSelect = el('select', { 'aria-label': 'Compare from' })
  const toSelect = el('select', { 'aria-label': 'Compare to' })
  const layoutSelect = el(
    'select',
    { 'aria-label': 'Layout' },
    el('option', { value: 'side-by-side' }, 'Side by side'),
    el('option', { value: 'inline' }, 'Inline'),
  )
  const compareButton = el('button', { type: 'button' }, 'Compare')
  const nameInput = el('input', { type: 'text', placeholder: 'Rev.N', 'aria-label': 'Revision name', size: '10' })
  const createButton = el('button', { type: 'submit' }, 'Make revision')
  const createForm = el('form', { class: 'revision-create' }, nameInput, createButton)

  const say = (text: string | null) => {
    message.hidden = text === null
    message.className = 'message error'
    message.textContent = text ?? ''
  }
  const failed = (what: string) => (error: Error) => say(`${what}: ${error.message}`)

  const page = el(
    'div',
    { class: 'revisions-page' },
    el(
      'header',
      { class: 'editor-header' },
      back,
      el('h1', { class: 'doc-title' }, `${title} — revisions`),
      el('span', { class: 'who' }, `${session.account.username} (${session.account.role})`),
    ),
    message,
    el(
      'main',
      { class: 'revisions-main' },
      el(
        'section',
        { class: 'revisions-list', 'aria-label': 'Revisions' },
        el('h2', {}, 'Revisions'),
        el(
          'p',
          { class: 'muted' },
          'The working draft is always the current text; revisions are fixed snapshots of it.',
        ),
        ...(mayWrite ? [createForm] : []),
        createExportPanel(session, documentId, { open: true }),
        el(
          'table',
          { class: 'revision-table' },
          el(
            'thead',
            {},
            el('tr', {}, el('th', {}, 'Revision'), el('th', {}, 'By'), el('th', {}, 'When'), el('th', {}, '')),
          ),
          list,
        ),
        el(
          'div',
          { class: 'compare-form' },
          el('span', {}, 'Compare'),
          fromSelect,
          el('span', {}, 'with'),
          toSelect,
          layoutSelect,
          compareButton,
        ),
        el('h2', {}, 'Bracket history'),
        chart,
      ),
      view,
    ),
  )
  root.replaceChildren(page)

  const option = (name: string) => el('option', { value: name }, name === DRAFT ? 'Working draft' : name)

  const refresh = async (keepSelection = true) => {
    const [revisions, history] = await Promise.all([api.list(), api.history()])
    if (closed) return
    list.replaceChildren(...revisions.map(row))
    if (!revisions.length) list.append(el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'No revisions yet.')))
    // After a new revision, the comparison offered is the new one with the one before.
    const keep = keepSelection ? [fromSelect.value, toSelect.value] : []
    fromSelect.replaceChildren(...revisions.map((r) => option(r.name)), option(DRAFT))
    toSelect.replaceChildren(...revisions.map((r) => option(r.name)), option(DRAFT))
    // By default: the latest revision against the one before (or against the draft when there is one).
    const names = revisions.map((r) => r.name)
    fromSelect.value =
      keep[0] && [...names, DRAFT].includes(keep[0]) ? keep[0] : (names.at(-2) ?? names.at(-1) ?? DRAFT)
    toSelect.value =
      keep[1] && [...names, DRAFT].includes(keep[1]) ? keep[1] : names.length >= 2 ? names.at(-1)! : DRAFT
    chart.replaceChildren(bracketHistoryChart(history))
  }

  const row = (r: RevisionEntry) => {
    const open = el('button', { type: 'button' }, 'Open')
    open.addEventListener('click', () => {
      api.read(r.name).then((detail) => view.replaceChildren(revisionReader(detail)), failed(`Cannot open ${r.name}`))
    })
    const actions = el('td', { class: 'revision-actions' }, open)
    if (mayWrite) {
      const restore = el('button', { type: 'button' }, 'Restore')
      restore.addEventListener('click', () => {
        if (
          !confirm(
            `Make the working draft say what ${r.name} said? This is recorded as a new revision; no revision is lost.`,
          )
        )
          return
        api.restore(r.name).then(
          (made) => {
            say(null)
            view.replaceChildren(
              el(
                'p',
                { class: 'notice' },
                `${r.name} restored as ${made.name}: the working draft now says what ${r.name} said.`,
              ),
            )
            return refresh(false)
          },
          failed(`Cannot restore ${r.name}`),
        )
      })
      actions.append(restore)
    }
    return el(
      'tr',
      { 'data-revision': r.name },
      el(
        'td',
        {},
        el('strong', {}, r.name),
        r.description ? el('span', { class: 'muted' }, ` ${r.description}`) : '',
        r.restoredFrom ? el('span', { class: 'muted' }, ` restores ${r.restoredFrom}`) : '',
      ),
      el('td', {}, r.createdBy ?? '—'),
      el('td', {}, el('time', { datetime: new Date(r.createdAt).toISOString() }, formatDateTime(r.createdAt))),
      actions,
    )
  }

  createForm.addEventListener('submit', (event) => {
    event.preventDefault()
    api.create(nameInput.value.trim() || undefined).then(() => {
      nameInput.value = ''
      say(null)
      return refresh(false)
    }, failed('Cannot make the revision'))
  })

  const compare = () => {
    api.compare(fromSelect.value, toSelect.value).then((comparison) => {
      say(null)
      view.replaceChildren(comparisonView(comparison, layoutSelect.value as CompareLayout))
    }, failed('Cannot compare'))
  }
  compareButton.addEventListener('click', compare)
  layoutSelect.addEventListener('change', () => {
    if (view.querySelector('.comparison')) compare()
  })

  refresh().then(() => (page.dataset.ready = 'true'), failed('Cannot list revisions'))
  return () => {
    closed = true
  }
}
