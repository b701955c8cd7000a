/**
 * What the streamlining tests share: builders for option and section headings,
 * ids given the way the importer gives them, the non-paper template, and a
 * runner that applies a step and checks the result is a valid document.
 */
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import type { Node } from 'prosemirror-model'
import { EditorState, type Transaction } from 'prosemirror-state'
import { heading, label } from '../builder.ts'
import { importText, readAnnotations } from '../../shared/import/index.ts'
import { schema } from '../../shared/schema/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { isStepError, stepOf, type Step, type StepResult } from '../../shared/streamline/index.ts'

/** An option's heading: `optionHeading('2')` is the line `Option 2`. */
export const optionHeading = (n: string, text = `Option ${n}`) => heading('option')(label('option', text, n))
/** A section's heading: `sectionHeading('A', 'Annex B')` is `A. Annex B`. */
export const sectionHeading = (letter: string, title: string) =>
  heading('section')(label('section', `${letter}.`, letter), ` ${title}`)

const PREFIX: Record<string, string> = {
  option: 'o',
  section: 's',
  article: 'a',
  bracket_group: 'g',
  placeholder: 'p',
  footnote: 'f',
  footnote_ref: 'r',
  table: 't',
  blank: 'k',
  editorial_note: 'n',
}

/**
 * `doc` with ids as the importer gives them — o1, s1, g1 with alternatives
 * g1.1, g1.2, p1, f1, r1 — in document order, so a test can name its nodes.
 */
export function withIds(doc: Node): Node {
  const counts = new Map<string, number>()
  const next = (prefix: string) => {
    const n = (counts.get(prefix) ?? 0) + 1
    counts.set(prefix, n)
    return prefix + n
  }
  const rebuild = (node: Node, group: { id: string; alts: number } | null): Node => {
    if (node.isText) return node
    const prefix = PREFIX[node.type.name]
    let attrs = node.attrs
    let inner = group
    if (prefix && !node.attrs.id) attrs = { ...attrs, id: next(prefix) }
    if (node.type.name === 'bracket_group') inner = { id: attrs.id, alts: 0 }
    if (node.type.name === 'alternative' && group && !node.attrs.id)
      attrs = { ...attrs, id: `${group.id}.${++group.alts}` }
    const children: Node[] = []
    node.forEach((c) => children.push(rebuild(c, inner)))
    return node.type.create(attrs, children, node.marks)
  }
  return rebuild(doc, null)
}

/** An editor state over `doc`. */
export const stateOf = (doc: Node) => EditorState.create({ schema, doc })

/** Apply a step that must apply: the new document, checked, and the step's log entry. */
export function applied(result: StepResult): { doc: Node; step: Step; text: string; tr: Transaction } {
  if (isStepError(result)) throw new Error(`step refused: ${result.error} (${result.hint})`)
  const doc = result.doc
  doc.check()
  const step = stepOf(result)
  expect(step).toBeDefined()
  return { doc, step: step!, text: serializeText(doc), tr: result }
}

/** Every id in `doc`, with the type of its node. */
export function idsOf(doc: Node): Map<string, string> {
  const out = new Map<string, string>()
  doc.descendants((n) => {
    if (n.attrs.id) out.set(n.attrs.id, n.type.name)
  })
  return out
}

const dir = new URL('../../templates/non-paper/', import.meta.url)
/** The AWG-KP non-paper as written. */
export const templateText = readFileSync(new URL('text.txt', dir), 'utf8')
/** The non-paper imported with its annotations (the ids its bindings use). */
export const templateDoc = importText(templateText, {
  annotations: readAnnotations(JSON.parse(readFileSync(new URL('annotations.json', dir), 'utf8'))),
}).doc

/** An applicability note naming option `option` of section `section` (an id). */
export const applies = (section: string, option: string, text: string) =>
  schema.nodes.applicability.create({ section, option }, schema.text(text))

/** A text's non-blank lines: what the tests compare. */
export const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '')
