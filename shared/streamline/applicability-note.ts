/**
 * Applicability notes: "(would only apply if option 3 for Annex B above is
 * selected)" — an option that depends on an option of another section. A
 * co-chair adds one, changes what it names, or removes it.
 */
import type { EditorState } from 'prosemirror-state'
import { divisionName, divisionOf, locate, optionName, optionNumber, sectionTitle } from './node-location.ts'
import { locateOption } from './option-removal.ts'
import { bareNumber } from './option-references.ts'
import { recordStep, stepError, type StepOptions, type StepResult } from './step.ts'

/** What an applicability note names: an option of a section, and optionally the words. */
export interface ApplicabilityTarget {
  sectionId: string
  /** The option number as the target section writes it (`3`, `b`). */
  optionNumber: string
  /** The note's words; by default "(would only apply if option N for <section> above is selected)". */
  text?: string
}

/**
 * Give option `optionId` the applicability note `target` (replacing the one
 * it has), or remove its note when `target` is null. The note stands right
 * after the option's heading, as in the non-paper.
 */
export function setApplicability(
  state: EditorState,
  optionId: string,
  target: ApplicabilityTarget | null,
  options: StepOptions = {},
): StepResult {
  const at = locateOption(state.doc, optionId)
  if ('error' in at) return at
  let existing: { pos: number; size: number; gap: number } | null = null
  let afterHeading = at.pos + 1
  at.node.forEach((child, offset) => {
    if (offset === 0 && child.type.name === 'heading') afterHeading = at.pos + 1 + child.nodeSize
    if (!existing && child.type.name === 'applicability')
      existing = { pos: at.pos + 1 + offset, size: child.nodeSize, gap: child.attrs.gap }
  })
  const found = existing as { pos: number; size: number; gap: number } | null
  const words: Record<string, string> = { option: optionName(at.node) }
  const own = divisionOf(at)
  if (own) words.section = divisionName(own.node)
  const tr = state.tr
  if (target === null) {
    if (!found) return stepError(`${optionId} has no applicability note`, 'There is nothing to remove.')
    tr.delete(found.pos, found.pos + found.size)
    return recordStep(tr, { op: 'set-applicability', ids: [optionId], words }, options)
  }
  const section = locate(state.doc, target.sectionId)
  if (!section || section.node.type.name !== 'section')
    return stepError(
      `${target.sectionId} is not a section`,
      'Name the section of the option this one depends on (s1, s2 …).',
    )
  if (own && own.node === section.node)
    return stepError(
      'an option cannot depend on an option of its own section',
      'Exactly one option of a section survives; name an option of another section.',
    )
  const number = bareNumber(target.optionNumber)
  let written: string | null = null
  section.node.forEach((child) => {
    if (!written && child.type.name === 'option' && optionNumber(child) === number) written = optionNumber(child)
  })
  if (written === null)
    return stepError(
      `section ${divisionName(section.node)} has no option ${target.optionNumber}`,
      'Name an option number the section has.',
    )
  const place = sectionTitle(section.node) || `section ${divisionName(section.node)}`
  const text =
    target.text ??
    `(would only apply if option ${written} for ${place} ${section.pos < at.pos ? 'above' : 'below'} is selected)`
  const note = state.schema.nodes.applicability.create(
    { gap: found?.gap ?? 1, section: target.sectionId, option: written },
    text ? state.schema.text(text) : null,
  )
  if (found) tr.replaceWith(found.pos, found.pos + found.size, note)
  else tr.insert(afterHeading, note)
  words.target = `option ${written} of section ${divisionName(section.node)}`
  return recordStep(tr, { op: 'set-applicability', ids: [optionId, target.sectionId], words }, options)
}
