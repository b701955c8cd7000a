/**
 * The UN document header of a document, as the export panel shows it: symbol,
 * distribution, date, original language, session, agenda item and title. The
 * secretariat edits and saves it (the server validates every field and names the one
 * at fault); everyone else reads it.
 */
import { ApiError } from '../app/api.ts'
import { el } from '../dom/element.ts'
import { DISTRIBUTIONS, type DocumentHeader } from '../../shared/export/document-header.ts'
import type { DocumentApi } from '../documents/document-api.ts'

/** The form; `editable` for the secretariat. */
export function headerForm(api: DocumentApi, documentId: string, editable: boolean): HTMLElement {
  const field = (
    name: keyof DocumentHeader,
    label: string,
    input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  ) => {
    input.id = `header-${name}`
    input.name = name
    if (!editable) input.setAttribute('disabled', '')
    return [el('label', { for: input.id }, label), input]
  }
  const symbol = el('input', { type: 'text', placeholder: 'FCCC/KP/AWG/2009/L.15', size: '28' })
  const distribution = el('select', {}, ...DISTRIBUTIONS.map((d) => el('option', { value: d }, d)))
  const date = el('input', { type: 'date' })
  const language = el('input', { type: 'text', size: '12' })
  const session = el('textarea', { rows: '4', cols: '40', placeholder: 'Body\nSession\nPlace and dates' })
  const agenda = el('input', { type: 'text', size: '28', placeholder: '3' })
  const title = el('input', { type: 'text', size: '40' })
  const status = el('p', { class: 'header-status', role: 'status' })
  const save = el('button', { type: 'submit' }, 'Save header')
  const form = el(
    'form',
    { class: 'header-form', 'aria-label': 'Document header' },
    ...field('symbol', 'Symbol', symbol),
    ...field('distribution', 'Distribution', distribution),
    ...field('date', 'Date', date),
    ...field('originalLanguage', 'Original', language),
    ...field('session', 'Session', session),
    ...field('agendaItem', 'Agenda item', agenda),
    ...field('title', 'Title', title),
    ...(editable ? [save] : []),
    status,
  )
  const fill = (h: DocumentHeader) => {
    symbol.value = h.symbol
    distribution.value = h.distribution
    date.value = h.date
    language.value = h.originalLanguage
    session.value = h.session
    agenda.value = h.agendaItem
    title.value = h.title
  }
  api.header(documentId).then(fill, (e: Error) => (status.textContent = `The header cannot be read: ${e.message}`))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const header: DocumentHeader = {
      symbol: symbol.value.trim(),
      distribution: distribution.value as DocumentHeader['distribution'],
      date: date.value,
      originalLanguage: language.value.trim(),
      session: session.value.trim(),
      agendaItem: agenda.value.trim(),
      title: title.value.trim(),
    }
    api.saveHeader(documentId, header).then(
      (saved) => {
        fill(saved)
        status.textContent = 'Header saved: every export prints it.'
      },
      (e: unknown) => {
        const details =
          e instanceof ApiError ? e.details.map((d) => `${d.field.replace(/^body\./, '')}: ${d.message}`) : []
        status.textContent = `Not saved: ${details.join('; ') || (e as Error).message}`
      },
    )
  })
  return form
}
