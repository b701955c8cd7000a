/**
 * Renumbering the options of a section (or article): `Option 1` … `Option n`
 * in their order, in the section's own numbering style (1, a, A, I, i), with
 * every cross-reference to them (applicability notes, footnotes "See option 4
 * in section A") following the option it names.
 */
import type { EditorState, Transaction } from 'prosemirror-state'
import { romanNumeral } from '../numerals/roman.ts'
import { divisionName, locate, optionLabel } from './node-location.ts'
import { findOptionReferences } from './option-references.ts'
import { recordStep, stepError, type StepError, type StepOptions, type StepResult } from './step.ts'

/** How a division numbers its options. */
export type NumberingStyle = 'decimal' | 'lower-letter' | 'upper-letter' | 'lower-roman' | 'upper-roman'

/** The style of a sequence of option numbers, judged from the first. */
export function numberingStyle(first: string): NumberingStyle {
  if (first === 'i') return 'lower-roman'
  if (first === 'I') return 'upper-roman'
  if (/^[a-z]$/.test(first)) return 'lower-letter'
  if (/^[A-Z]$/.test(first)) return 'upper-letter'
  return 'decimal'
}

/** The `n`th number (from 1) in `style`. */
export function formatNumber(n: number, style: NumberingStyle): string {
  switch (style) {
    case 'decimal':
      return String(n)
    case 'lower-letter':
      return letters(n).toLowerCase()
    case 'upper-letter':
      return letters(n)
    case 'lower-roman':
      return romanNumeral(n).toLowerCase()
    case 'upper-roman':
      return romanNumeral(n)
  }
}

function letters(n: number): string {
  let out = ''
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out
  return out
}

/** A label's text with its number replaced: `Option (a):` → `Option (b):`. */
export function relabel(text: string, value: string, next: string): string {
  const word = /option/i.exec(text)
  const at = text.indexOf(value, word ? word.index + word[0].length : 0)
  return at < 0 ? text : text.slice(0, at) + next + text.slice(at + value.length)
}

/**
 * Renumber the options of division `divisionId` inside `tr`, and the references
 * to them. References to a number no option has any more are dangling: an
 * applicability note's target is cleared (its words stay), so the model no
 * longer ties it to whichever option now carries that number. Returns the
 * ids of the options holding dangling references (footnote ids for footnotes).
 * `aliases` maps old numbers of options that are gone to the option now
 * standing for them.
 */
export function renumberOptionsIn(
  tr: Transaction,
  divisionId: string,
  aliases: Map<string, string> = new Map(),
): { dangling: string[] } | StepError {
  const division = locate(tr.doc, divisionId)
  if (!division || (division.node.type.name !== 'section' && division.node.type.name !== 'article')) {
    return stepError(
      `${divisionId} is not a section or article`,
      'Name the section (or article) whose options to renumber.',
    )
  }
  const labels: { id: string; pos: number; text: string; value: string }[] = []
  division.node.forEach((child, offset) => {
    if (child.type.name !== 'option') return
    const label = optionLabel(child, division.pos + 1 + offset)
    if (label)
      labels.push({ id: child.attrs.id, pos: label.pos, text: label.node.attrs.text, value: label.node.attrs.value })
  })
  const style = numberingStyle(labels[0]?.value ?? '1')
  const next = new Map(labels.map((l, i) => [l.id, formatNumber(i + 1, style)]))
  const byOldNumber = new Map<string, string>()
  for (const l of labels) if (!byOldNumber.has(l.value)) byOldNumber.set(l.value, l.id)
  // A number that is gone may live on in another option (a merged option in the one it joined).
  for (const [number, id] of aliases) if (!byOldNumber.has(number) && next.has(id)) byOldNumber.set(number, id)

  // Edits are collected against tr.doc and applied from the end backwards, so
  // that a text replacement never shifts a position still to be used.
  const edits: { pos: number; apply: () => void }[] = []
  const dangling: string[] = []
  for (const l of labels) {
    const value = next.get(l.id)!
    if (value === l.value) continue
    const label = tr.doc.nodeAt(l.pos)!
    edits.push({
      pos: l.pos,
      apply: () => tr.setNodeMarkup(l.pos, null, { ...label.attrs, text: relabel(l.text, l.value, value), value }),
    })
  }
  for (const ref of findOptionReferences(tr.doc)) {
    if (ref.section !== divisionId) continue
    const id = byOldNumber.get(ref.number)
    if (!id) {
      dangling.push(ref.kind === 'footnote' ? ref.block.attrs.id : (ref.holder ?? ''))
      if (ref.kind === 'applicability')
        edits.push({
          pos: ref.blockPos,
          apply: () => tr.setNodeMarkup(ref.blockPos, null, { ...ref.block.attrs, section: null, option: null }),
        })
      continue
    }
    const value = next.get(id)!
    if (value === ref.number) continue
    const written = ref.written && (ref.written.text.startsWith('(') ? `(${value})` : value)
    if (ref.written && written) {
      const { from, to } = ref.written
      edits.push({ pos: from, apply: () => tr.insertText(written, from, to) })
    }
    if (ref.kind === 'applicability') {
      const attrs = { ...ref.block.attrs, option: written ?? value }
      edits.push({ pos: ref.blockPos, apply: () => tr.setNodeMarkup(ref.blockPos, null, attrs) })
    }
  }
  edits.sort((a, b) => b.pos - a.pos).forEach((e) => e.apply())
  return { dangling: dangling.filter(Boolean) }
}

/** Renumber the options of a section (or article) as one logged step. */
export function renumberOptions(state: EditorState, sectionId: string, options: StepOptions = {}): StepResult {
  const tr = state.tr
  const done = renumberOptionsIn(tr, sectionId)
  if ('error' in done) return done
  const division = locate(state.doc, sectionId)!.node
  return recordStep(
    tr,
    { op: 'renumber-options', ids: [sectionId], words: { section: divisionName(division) }, dangling: done.dangling },
    options,
  )
}
