/**
 * Structure review: correcting where the importer put options, for what no
 * importer can know from the text alone. A reviewer makes a paragraph an
 * option (or reads an option as plain text again), and sets where an option,
 * or the run of alternatives it belongs to, ends. None of these changes a
 * character of the text — labels stay as written, nothing is renumbered —
 * only which words a choice keeps and drops. Every option a step touches is
 * marked `extent: 'reviewed'`, so the consolidation's audit trusts its end.
 */
import type { Node, ResolvedPos } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { freshId } from '../document/fresh-id.ts'
import { placeAt } from '../naming/node-name.ts'
import { divisionName, optionName } from './node-location.ts'
import { locateOption } from './option-removal.ts'
import { recordStep, stepError, type StepError, type StepOptions, type StepResult } from './step.ts'

// Nodes whose children are the text's blocks and options.
const CONTAINERS = new Set(['doc', 'article', 'section', 'option'])

/** A block of a division or option, found from a position inside it. */
interface BlockPlace {
  node: Node
  /** Position before the block. */
  pos: number
  /** The option, division or doc holding it, and the position before that container (-1 for the doc). */
  container: Node
  containerPos: number
  /** The block's index in its container. */
  index: number
  $pos: ResolvedPos
}

/** The block (paragraph, heading, table …) holding position `at`, or an error. */
function blockAt(doc: Node, at: number): BlockPlace | StepError {
  if (!Number.isInteger(at) || at < 0 || at > doc.content.size)
    return stepError(`position ${at} is outside the text`, 'Put the caret in the paragraph concerned.')
  const $pos = doc.resolve(at)
  for (let d = $pos.depth; d > 0; d--) {
    const container = $pos.node(d - 1)
    if (!CONTAINERS.has(container.type.name) || CONTAINERS.has($pos.node(d).type.name)) continue
    return {
      node: $pos.node(d),
      pos: $pos.before(d),
      container,
      containerPos: d > 1 ? $pos.before(d - 1) : -1,
      index: $pos.index(d - 1),
      $pos,
    }
  }
  return stepError('the caret is between paragraphs, not in one', 'Put the caret in the paragraph concerned.')
}

// The opening words of a block, for the log: `“The Parties shall …”`.
function opening(block: Node): string {
  const words = block.textContent.replace(/\s+/g, ' ').trim()
  return `“${words.length > 40 ? words.slice(0, 40).trimEnd() + '…' : words}”`
}

const reviewed = (option: Node, attrs: Record<string, unknown> = {}) => ({
  ...option.attrs,
  extent: 'reviewed',
  ...attrs,
})

const isOption = (node: Node | null | undefined): boolean => node?.type.name === 'option'

// Where an option stands, for the log: its name and, when it has one, its division's.
function optionWords(doc: Node, pos: number, option: Node): Record<string, string> {
  const $pos = doc.resolve(pos)
  return { option: optionName(option), ...($pos.depth > 0 ? { section: divisionName($pos.parent) } : {}) }
}

/**
 * Make the block at `at` an option. A block inside an option (not its first)
 * begins a new option of the same run, taking the rest of that option with it;
 * a block of a division becomes an option by itself, in the run of the option
 * just before it (or just after it), else in a run of its own. The new option
 * has no label (the text has none); its id is returned in the step's `ids`.
 */
export function makeOption(state: EditorState, at: number, options: StepOptions = {}): StepResult {
  const place = blockAt(state.doc, at)
  if ('error' in place) return place
  const { node, container, index } = place
  const schema = state.schema
  const id = freshId('o')
  const tr = state.tr
  const where = placeAt(state.doc.resolve(place.pos + 1))
  if (node.type.name === 'footnote')
    return stepError('a footnote cannot be an option', 'Make the paragraph that refers to it an option.')
  if (isOption(container)) {
    if (index === 0)
      return stepError(
        `this paragraph already starts ${optionName(container)}`,
        'To end the option before it instead, set the end of the option on the paragraph before.',
      )
    const kept: Node[] = []
    const moved: Node[] = []
    container.forEach((child, _, i) => (i < index ? kept : moved).push(child))
    const attrs = { ...container.attrs, id, continues: null, extent: 'reviewed' }
    tr.replaceWith(place.containerPos, place.containerPos + container.nodeSize, [
      schema.nodes.option.create(reviewed(container), kept),
      schema.nodes.option.create(attrs, moved),
    ])
  } else {
    // A division's own heading (or any ranked one) names a place; it is no alternative.
    const divisionHeading = node.attrs.rank !== null || (index === 0 && container.type.name !== 'doc')
    if (node.type.name === 'heading' && node.attrs.level !== 'option' && divisionHeading)
      return stepError(
        `this is the heading of ${where.replace(/^the heading of /, '')}`,
        'Make a paragraph under a heading an option, not the heading itself.',
      )
    const before = index > 0 ? container.child(index - 1) : null
    const after = index + 1 < container.childCount ? container.child(index + 1) : null
    const beside = isOption(before) ? before! : isOption(after) ? after! : null
    const attrs = {
      id,
      run: beside ? beside.attrs.run : freshId('run'),
      parent: beside ? beside.attrs.parent : null,
      extent: 'reviewed',
    }
    tr.replaceWith(place.pos, place.pos + node.nodeSize, schema.nodes.option.create(attrs, node))
  }
  return recordStep(tr, { op: 'make-option', ids: [id], words: { block: opening(node), where } }, options)
}

/**
 * Read option `id` as text of its division again: its blocks stand where it
 * stood, its label becomes the words it was written with, and an option
 * heading a plain paragraph. The rest of the option after a nested run goes
 * with it; options nested in it take its parent.
 */
export function unmakeOption(state: EditorState, id: string, options: StepOptions = {}): StepResult {
  const at = locateOption(state.doc, id)
  if ('error' in at) return at
  const schema = state.schema
  const words = optionWords(state.doc, at.pos, at.node)
  const tr = state.tr
  // Later pieces first, so earlier positions stay put.
  const pieces: { node: Node; pos: number }[] = []
  const nested: { node: Node; pos: number }[] = []
  state.doc.descendants((node, pos) => {
    if (!isOption(node)) return true
    if (node.attrs.id === id || node.attrs.continues === id) pieces.push({ node, pos })
    else if (node.attrs.parent === id) nested.push({ node, pos })
    return false
  })
  for (const n of nested) tr.setNodeMarkup(n.pos, undefined, { ...n.node.attrs, parent: at.node.attrs.parent })
  for (const piece of pieces.reverse()) {
    const blocks: Node[] = []
    piece.node.forEach((child, _, i) => blocks.push(i === 0 && piece.node === at.node ? asText(child) : child))
    tr.replaceWith(piece.pos, piece.pos + piece.node.nodeSize, blocks)
  }
  return recordStep(tr, { op: 'unmake-option', ids: [id], words, removed: [id] }, options)

  // The option's first block without its label: the label's characters as text, a heading a paragraph.
  function asText(block: Node): Node {
    const inline: Node[] = []
    block.forEach((child) => {
      if (child.type.name !== 'label' || child.attrs.kind !== 'option') inline.push(child)
      else if (child.attrs.text) inline.push(schema.text(child.attrs.text, child.marks))
    })
    if (block.type.name === 'heading' && block.attrs.level === 'option')
      return schema.nodes.paragraph.create({ gap: block.attrs.gap }, inline)
    return block.type.create(block.attrs, inline, block.marks)
  }
}

/**
 * Set where option `id` ends: with the block at `at`. A block of the option
 * shortens it (what follows stands after it, in its division); a block after
 * it in the same division, with no option between, lengthens it.
 */
export function setOptionEnd(state: EditorState, id: string, at: number, options: StepOptions = {}): StepResult {
  const tr = state.tr
  const done = moveEnd(tr, id, at)
  if ('error' in done) return done
  return recordStep(tr, { op: 'set-option-end', ids: [id], words: done.words }, options)
}

/**
 * Set where the run holding option `id` ends: the option ends with the block
 * at `at` (as `setOptionEnd`, or where it already ends), and the options of
 * its run after it are another run — another choice, which choosing in this
 * one never drops.
 */
export function setRunEnd(state: EditorState, id: string, at: number, options: StepOptions = {}): StepResult {
  const tr = state.tr
  const done = moveEnd(tr, id, at, true)
  if ('error' in done) return done
  const option = tr.doc.nodeAt(done.pos)!
  const $pos = tr.doc.resolve(done.pos)
  const container = $pos.parent
  const run = freshId('run')
  let split = 0
  let pos = done.pos + option.nodeSize
  for (let i = $pos.index() + 1; i < container.childCount; i++) {
    const child = container.child(i)
    if (isOption(child) && child.attrs.run === option.attrs.run) {
      tr.setNodeMarkup(pos, undefined, { ...child.attrs, run })
      split++
    }
    pos += child.nodeSize
  }
  if (!split && !done.moved)
    return stepError(
      `the run of ${optionName(option)} already ends there`,
      'Put the caret in the last paragraph the run should hold.',
    )
  return recordStep(tr, { op: 'set-run-end', ids: [id], words: done.words }, options)
}

// Move option `id`'s end to the block at `at`, in `tr`; where the option now stands. With
// `mayStay`, an end already there is not an error.
function moveEnd(
  tr: Transaction,
  id: string,
  at: number,
  mayStay = false,
): { pos: number; moved: boolean; words: Record<string, string> } | StepError {
  const doc = tr.doc
  const found = locateOption(doc, id)
  if ('error' in found) return found
  const place = blockAt(doc, at)
  if ('error' in place) return place
  const option = found.node
  const words = { ...optionWords(doc, found.pos, option), block: opening(place.node) }
  const schema = doc.type.schema
  if (place.container === option) {
    if (place.index === option.childCount - 1) {
      if (mayStay) {
        if (option.attrs.extent !== 'reviewed') tr.setNodeMarkup(found.pos, undefined, reviewed(option))
        return { pos: found.pos, moved: false, words }
      }
      return stepError(
        `${optionName(option)} already ends there`,
        'Put the caret in the last paragraph it should hold.',
      )
    }
    const kept: Node[] = []
    const out: Node[] = []
    option.forEach((child, _, i) => (i <= place.index ? kept : out).push(child))
    tr.replaceWith(found.pos, found.pos + option.nodeSize, [schema.nodes.option.create(reviewed(option), kept), ...out])
    return { pos: found.pos, moved: true, words }
  }
  const $option = found.$pos
  const first = $option.index()
  if (place.container !== $option.parent || place.index <= first)
    return stepError(
      `the caret is neither in ${optionName(option)} nor after it in its division`,
      'Put the caret in the last paragraph the option should hold.',
    )
  const taken: Node[] = []
  for (let i = first + 1; i <= place.index; i++) {
    const child = place.container.child(i)
    if (CONTAINERS.has(child.type.name))
      return stepError(
        `${isOption(child) ? optionName(child) : 'a division'} stands between ${optionName(option)} and that paragraph`,
        'An option can take in only the paragraphs up to the next option.',
      )
    taken.push(child)
  }
  const end = place.pos + place.node.nodeSize
  tr.replaceWith(found.pos, end, schema.nodes.option.create(reviewed(option), option.content.append(fragmentOf(taken))))
  return { pos: found.pos, moved: true, words }

  function fragmentOf(nodes: Node[]) {
    return schema.nodes.option.create(null, nodes).content
  }
}
