/**
 * What a document is called in the header of its exports: the document symbol
 * (FCCC/KP/AWG/2009/…) the secretariat gives it, and its title — by default
 * the text's own title heading.
 */
import type { Node } from 'prosemirror-model'
import { plainText } from '../consolidate/unresolved.ts'

/** Symbol and title of an exported document. */
export interface DocumentTitle {
  /** The document symbol; empty when the text has none yet. */
  symbol: string
  title: string
}

/** The title heading of `doc` (`level: title`), or its first heading, or `Untitled`. */
export function documentTitle(doc: Node, symbol = '', title?: string): DocumentTitle {
  if (title) return { symbol, title }
  let found = ''
  doc.descendants((n) => {
    if (found) return false
    if (n.type.name === 'heading') {
      found = plainText(n).trim()
      return false
    }
    return n.type.name !== 'table'
  })
  return { symbol, title: found || 'Untitled' }
}
