/**
 * The projection links of a document, for a co-chair or the secretariat: make a new
 * read-only link for the room's screen (its address is shown once, to copy or open), see
 * the links that work, revoke one (its screen goes dark at once).
 */
import { ApiError, callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import { button, el } from '../dom/element.ts'
import { formatDateTime } from '../format/date-format.ts'

interface Link {
  id: number
  createdBy: string
  createdAt: number
}

/** The address a projection token opens. */
export function projectionAddress(token: string): string {
  return `${location.origin}/#/projection/${encodeURIComponent(token)}`
}

/** Shows the dialog for `documentId`; resolves when it is closed. */
export function showProjectionLinks(session: Session, documentId: string): Promise<void> {
  const route = `/api/documents/${encodeURIComponent(documentId)}/projections`
  const list = el('ul', { class: 'projection-links', 'aria-label': 'Projection links that work' })
  const fresh = el('div', { class: 'projection-fresh', 'aria-live': 'polite' })
  const problem = el('p', { class: 'projection-problem', role: 'alert' })
  const close = el('button', { type: 'button' }, 'Close')
  const headingId = `projection-links-${Math.random().toString(36).slice(2)}`
  const dialog = el(
    'dialog',
    { class: 'projection-dialog', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, 'Projection for the room'),
    el(
      'p',
      {},
      'A projection link shows the text, read only, in large type with line numbers. It follows the co-chair who presses Present. Anyone with the link can read the text: revoke it after the session.',
    ),
    button('New projection link', { class: 'projection-new' }, () => void create()),
    fresh,
    list,
    problem,
    close,
  )
  const fail = (error: unknown) => (problem.textContent = error instanceof ApiError ? error.message : String(error))

  const refresh = async () => {
    try {
      const links = await callApi<Link[]>('GET', route, session.token)
      list.replaceChildren(
        ...links.map((link) =>
          el(
            'li',
            { 'data-link': String(link.id) },
            `Link ${link.id}, made by ${link.createdBy} on ${formatDateTime(link.createdAt)} `,
            button(
              'Revoke',
              { class: 'projection-revoke', 'aria-label': `Revoke projection link ${link.id}` },
              () => void revoke(link.id),
            ),
          ),
        ),
      )
      if (!links.length) list.append(el('li', {}, 'No projection link works now.'))
    } catch (error) {
      fail(error)
    }
  }
  const create = async () => {
    try {
      const link = await callApi<Link & { token: string }>('POST', route, session.token)
      const address = projectionAddress(link.token)
      const field = el('input', { type: 'text', readonly: '', value: address, 'aria-label': 'Projection address' })
      fresh.replaceChildren(
        el('p', {}, 'The new link (shown once): open it on the computer that drives the screen.'),
        field,
        button('Copy', { class: 'projection-copy' }, () => void navigator.clipboard?.writeText(address)),
        el('a', { href: address, target: '_blank', rel: 'noopener', class: 'projection-open' }, 'Open'),
      )
      await refresh()
    } catch (error) {
      fail(error)
    }
  }
  const revoke = async (id: number) => {
    try {
      await callApi('DELETE', `${route}/${id}`, session.token)
      fresh.replaceChildren()
      await refresh()
    } catch (error) {
      fail(error)
    }
  }

  document.body.append(dialog)
  void refresh()
  return new Promise((resolve) => {
    close.addEventListener('click', () => dialog.close())
    dialog.addEventListener('close', () => {
      dialog.remove()
      resolve()
    })
    dialog.showModal()
  })
}
