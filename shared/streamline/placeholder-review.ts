/**
 * Structure review of placeholders: a letter the importer read as a
 * placeholder that is one of the text's own words (the `A` of `Annex A`, a
 * model's name) becomes text again. The characters stay as written; the
 * placeholder's binding and value leave the model with it.
 */
import type { EditorState } from 'prosemirror-state'
import { placeAt } from '../naming/node-name.ts'
import { locate } from './node-location.ts'
import { recordStep, stepError, type StepOptions, type StepResult } from './step.ts'

/** Read placeholder `id` as the text it is written with. */
export function markNotPlaceholder(state: EditorState, id: string, options: StepOptions = {}): StepResult {
  const at = locate(state.doc, id)
  if (!at) return stepError(`no node has id ${id}`, 'Name a placeholder by the id the document gives it (p1, p2 …).')
  if (at.node.type.name !== 'placeholder')
    return stepError(`${id} is a ${at.node.type.name}, not a placeholder`, 'Name a placeholder by its id.')
  const name: string = at.node.attrs.name
  const tr = state.tr.replaceWith(at.pos, at.pos + at.node.nodeSize, state.schema.text(name, at.node.marks))
  return recordStep(
    tr,
    {
      op: 'not-placeholder',
      ids: [id],
      words: { placeholder: name, where: placeAt(state.doc.resolve(at.pos)) },
      removed: [id],
    },
    options,
  )
}
