/**
 * Section titles by id ("A. Annex B"), read from the section's heading, for
 * the bracket counter. Cached per document version.
 */
import type { Node } from 'prosemirror-model'

/** A function that names a section id in the current document. */
export function sectionTitles(currentDoc: () => Node): (id: string) => string {
  let doc: Node | null = null
  let titles = new Map<string, string>()
  return (id) => {
    const now = currentDoc()
    if (now !== doc) {
      doc = now
      titles = new Map()
      now.descendants((node) => {
        if (node.type.name === 'section') {
          titles.set(node.attrs.id, (node.firstChild ? headingText(node.firstChild) : '') || node.attrs.id)
          return false
        }
        return node.type.name === 'article'
      })
    }
    return titles.get(id) ?? id
  }
}

// Labels ("A.") are atoms with no text content: read them from their attribute.
function headingText(heading: Node): string {
  let text = ''
  heading.forEach((n) => (text += n.type.name === 'label' ? n.attrs.text : n.textContent))
  return text.trim()
}
