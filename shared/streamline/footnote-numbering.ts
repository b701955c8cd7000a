/**
 * Renumbering the numbered footnotes (¹ ² … ¹¹) in the order their references
 * appear, references and bodies alike, each keeping the way it is written:
 * superscript (`¹⁰`), caret (`^10`, `^{10}`) or plain digits glued to a
 * bracket (`]6[`). Lettered table notes (^a) and stars belong to their table
 * and are left as they are.
 */
import type { Node } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { recordStep, type StepOptions, type StepResult } from './step.ts'

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** `n` written the way `like` is written: `¹` → `⁷`, `^{3}` → `^{7}`, `^3` → `^7`, `3` → `7`. */
export function writeFootnoteNumber(n: string, like: string): string {
  if (like.startsWith('^{')) return `^{${n}}${like.slice(like.indexOf('}') + 1)}`
  if (like.startsWith('^')) return `^${n}`
  if ([...like].some((ch) => SUPERSCRIPT.includes(ch))) return [...n].map((d) => SUPERSCRIPT[Number(d)]).join('')
  return n
}

const isNumbered = (label: unknown) => typeof label === 'string' && /^\d+$/.test(label)

/**
 * The new number of each numbered footnote label: references in document order
 * take 1, 2, 3 …; bodies no reference names follow, in their order, so that
 * numbers stay unique.
 */
export function footnoteNumbers(doc: Node): Map<string, string> {
  const next = new Map<string, string>()
  const give = (label: string) => {
    if (!next.has(label)) next.set(label, String(next.size + 1))
  }
  doc.descendants((node) => {
    if (node.type.name === 'footnote_ref' && isNumbered(node.attrs.label)) give(node.attrs.label)
    return true
  })
  doc.descendants((node) => {
    if (node.type.name === 'footnote' && node.attrs.kind === 'numbered' && isNumbered(node.attrs.label))
      give(node.attrs.label)
    return true
  })
  return next
}

/** Renumber the numbered footnotes inside `tr`. Only attributes change, so positions stay valid. */
export function renumberFootnotesIn(tr: Transaction): void {
  const next = footnoteNumbers(tr.doc)
  const edits: { pos: number; attrs: Record<string, unknown> }[] = []
  tr.doc.descendants((node, pos) => {
    const name = node.type.name
    if (name === 'footnote_ref' && isNumbered(node.attrs.label)) {
      const n = next.get(node.attrs.label)!
      if (n !== node.attrs.label)
        edits.push({ pos, attrs: { ...node.attrs, label: n, text: writeFootnoteNumber(n, node.attrs.text) } })
    } else if (name === 'footnote' && node.attrs.kind === 'numbered' && isNumbered(node.attrs.label)) {
      const n = next.get(node.attrs.label)!
      if (n === node.attrs.label) return false
      edits.push({ pos, attrs: { ...node.attrs, label: n } })
      node.forEach((child, offset) => {
        if (child.type.name === 'label' && child.attrs.kind === 'footnote') {
          edits.push({
            pos: pos + 1 + offset,
            attrs: { ...child.attrs, value: n, text: writeFootnoteNumber(n, child.attrs.text) },
          })
        }
      })
      return false
    }
    return true
  })
  for (const e of edits) tr.setNodeMarkup(e.pos, null, e.attrs)
}

/** Renumber the numbered footnotes as one logged step. */
export function renumberFootnotes(state: EditorState, options: StepOptions = {}): StepResult {
  const tr = state.tr
  renumberFootnotesIn(tr)
  return recordStep(tr, { op: 'renumber-footnotes', ids: [] }, options)
}
