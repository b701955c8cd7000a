/**
 * One document in the secretariat's list, with what the secretariat does to it: rename
 * it in place, archive it (it leaves the lists, keeps its history and can be restored),
 * or delete it after confirming — which the server allows only for a document nobody
 * has edited since it was tabled, and otherwise refuses with the reason, shown here.
 * An archived document's row offers Restore.
 */
import { ApiError } from '../app/api.ts'
import { button, el } from '../dom/element.ts'
import type { DocumentApi, DocumentEntry } from './document-api.ts'

/** What a row reports to its page. */
export interface RowEvents {
  open(doc: DocumentEntry): void
  /** Something changed: the page reads the lists again. */
  changed(message: string): void
  failed(message: string): void
}

/** A live document's row; `manage` adds the secretariat's actions. */
export function documentRow(doc: DocumentEntry, api: DocumentApi, manage: boolean, events: RowEvents): HTMLElement {
  const link = el('a', { href: `#/documents/${encodeURIComponent(doc.id)}`, class: 'document-link' }, doc.title)
  link.addEventListener('click', (event) => {
    event.preventDefault()
    events.open(doc)
  })
  const titleSlot = el('span', { class: 'title-slot' }, link)
  const meta = el(
    'span',
    { class: 'doc-id' },
    ` ${doc.id} · tabled ${new Date(doc.createdAt).toLocaleDateString('en-GB')}${doc.createdBy ? ` by ${doc.createdBy}` : ''}`,
  )
  const row = el('li', { 'data-document': doc.id }, titleSlot, meta)
  if (!manage) return row
  const refused = (what: string) => (e: unknown) =>
    events.failed(`${what} “${doc.title}”: ${e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e)}`)

  const rename = button('Rename', { 'aria-label': `Rename ${doc.title}` }, () => {
    const input = el('input', { type: 'text', value: doc.title, size: '40', 'aria-label': 'New title' })
    const save = el('button', { type: 'submit' }, 'Save')
    const cancel = button('Cancel', {}, () => titleSlot.replaceChildren(link))
    const form = el('form', { class: 'rename-form' }, input, save, cancel)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      api
        .rename(doc.id, input.value)
        .then((renamed) => events.changed(`Renamed “${doc.title}” to “${renamed.title}”.`), refused('Cannot rename'))
    })
    titleSlot.replaceChildren(form)
    input.select()
  })
  const archive = button('Archive', { 'aria-label': `Archive ${doc.title}` }, () => {
    if (
      !confirm(
        `Archive “${doc.title}”? It leaves the lists and closes for everyone; its history is kept and the secretariat can restore it.`,
      )
    )
      return
    api.archive(doc.id).then(() => events.changed(`Archived “${doc.title}”.`), refused('Cannot archive'))
  })
  const remove = button('Delete', { class: 'danger', 'aria-label': `Delete ${doc.title}` }, () => {
    if (
      !confirm(
        `Delete “${doc.title}” for good? Only a document nobody has edited since it was tabled can be deleted; anything else is archived instead.`,
      )
    )
      return
    api.remove(doc.id).then(() => events.changed(`Deleted “${doc.title}”.`), refused('Cannot delete'))
  })
  row.append(el('span', { class: 'row-actions' }, rename, archive, remove))
  return row
}

/** An archived document's row, with Restore. */
export function archivedRow(doc: DocumentEntry, api: DocumentApi, events: RowEvents): HTMLElement {
  const restore = button('Restore', { 'aria-label': `Restore ${doc.title}` }, () => {
    api.unarchive(doc.id).then(
      () => events.changed(`Restored “${doc.title}”.`),
      (e: unknown) => events.failed(`Cannot restore “${doc.title}”: ${(e as Error).message}`),
    )
  })
  return el(
    'li',
    { 'data-document': doc.id },
    el('span', {}, doc.title),
    el(
      'span',
      { class: 'doc-id' },
      ` ${doc.id} · archived ${new Date(doc.archivedAt ?? 0).toLocaleDateString('en-GB')}`,
    ),
    el('span', { class: 'row-actions' }, restore),
  )
}
