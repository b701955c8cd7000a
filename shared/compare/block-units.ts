/**
 * A text as the comparison aligns it: a sequence of lines (paragraphs,
 * headings, footnotes, table rows), each with the id of the node that holds
 * it. Paragraphs carry no ids of their own; the option, section, article,
 * table or footnote around them does, and two lines only correspond when they
 * stand in the same one — a paragraph moved from Option 2 to Option 3 is a
 * removal and an addition, which is what a delegation needs to see.
 */
import type { Node } from 'prosemirror-model'
import { blockName, divisionName, plainText } from '../consolidate/unresolved.ts'

/** One line of a text. */
export interface BlockUnit {
  /** Id of the nearest enclosing node with an id (`o3`, `s2`, `t1`, `f4`), or '' at the top. */
  container: string
  /** Where it stands, for people: `D. Article 3, paragraph 7 bis › Option 1 › 7 bis.`. */
  location: string
  /** The line as the text writes it, brackets included; table cells joined by tabs. */
  text: string
}

/** The lines of `doc`, in order. */
export function blockUnits(doc: Node): BlockUnit[] {
  const out: BlockUnit[] = []
  const walk = (node: Node, container: string, names: string[]): void => {
    node.forEach((child) => {
      const name = child.type.name
      if (name === 'article' || name === 'section' || name === 'option') {
        walk(child, child.attrs.id, [...names, name === 'option' ? optionTitle(child) : divisionName(child)])
      } else if (name === 'table') {
        walk(child, child.attrs.id ?? container, names)
      } else if (name === 'table_row') {
        const cells: string[] = []
        child.forEach((cell) => cells.push(plainText(cell)))
        out.push({ container, location: [...names, blockName(child, child)].join(' › '), text: cells.join('\t') })
      } else if (child.isTextblock) {
        const name = blockName(child)
        // An option's heading line is named by the option already.
        const path = names[names.length - 1] === name ? names : [...names, name]
        out.push({ container: child.attrs.id ?? container, location: path.join(' › '), text: plainText(child) })
      } else {
        walk(child, child.attrs.id ?? container, names)
      }
    })
  }
  walk(doc, '', [])
  return out
}

/** An option's heading words (`Option 2`), or its id when it has no heading. */
function optionTitle(option: Node): string {
  const first = option.firstChild
  if (first?.type.name !== 'heading') return option.attrs.id
  const words = plainText(first).trim().split(/\s+/).slice(0, 2).join(' ').replace(/[:.]$/, '')
  return words || option.attrs.id
}
