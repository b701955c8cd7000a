/**
 * What an address that names no document shows: the document was archived, deleted or
 * never existed. Nothing is opened, so nothing reconnects in the background.
 */
import { button, el } from '../dom/element.ts'

/** Shows "No such document" for `id` in `root`, with the way back to the list. */
export function showMissingDocumentPage(root: HTMLElement, id: string, toList: () => void): () => void {
  root.replaceChildren(
    el(
      'main',
      { class: 'list-page missing-document', 'data-ready': 'true' },
      el('h1', {}, 'No such document'),
      el('p', {}, `There is no document “${id}” that your account can open. It may have been archived or renamed.`),
      button('← Back to the documents', { class: 'back' }, toList),
    ),
  )
  return () => undefined
}
