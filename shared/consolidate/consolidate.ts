/**
 * Consolidation: a negotiated text with every resolution applied. Chosen
 * alternatives and kept optional text lose their brackets, deleted text and
 * dropped options go, a chosen option loses its `Option N` heading and
 * applicability note, placeholders take their values, tables split across
 * pages become one, footnotes are renumbered, computed Annex columns carry the
 * model's numbers. Whatever is not resolved stays as it was, bracketed, and is
 * listed. The result is a document of the same schema, so every exporter and
 * `serializeText` read it like any other.
 */
import { Fragment, type Node } from 'prosemirror-model'
import type { Bindings } from '../model/bindings.ts'
import type { Computation } from '../model/compute.ts'
import { indexDocument, type DocumentIndex } from '../model/document-index.ts'
import { evaluateVariables } from '../model/evaluate.ts'
import type { Resolutions } from '../model/resolution.ts'
import type { Scenario } from '../model/scenario.ts'
import { formatValue, VARIABLES } from '../model/variables.ts'
import { fillComputedColumns } from './computed-columns.ts'
import { allOptionsDropped, groupDecision, holdsStructure, optionDecision } from './decisions.ts'
import { numberedFootnotes, referencedTableNotes, renumberFootnotes } from './footnote-numbering.ts'
import { InlineRun } from './inline-run.ts'
import { blockName, divisionName, plainText, type UnresolvedItem, type UnresolvedKind } from './unresolved.ts'

/** What consolidation needs besides the text and the scenario. */
export interface ConsolidationOptions {
  /** The text's bindings: which variable each placeholder stands for. */
  bindings?: Bindings
  /** The model's computation under the same scenario: fills computed Annex columns (reduction rates, Annex C). */
  computation?: Computation
  /** Inserted provisions to renumber, by number as written: `{ "9 bis": "9 ter" }`. */
  renumberProvisions?: Record<string, string>
}

/** A consolidated text and what it leaves open. */
export interface Consolidation {
  doc: Node
  unresolved: UnresolvedItem[]
  /** Footnote numbers: old label → new label, for footnotes that survive. */
  footnotes: Record<string, string>
  /** What the secretariat should know that is not a bracket: inscriptions with no row to carry them. */
  notices: string[]
}

interface Walk {
  index: DocumentIndex
  resolutions: Resolutions
  values: Map<string, string>
  renumber: Record<string, string>
  deleting: number
  /** A block that went carried on the line of a block kept: the next block kept does. */
  joinNext: boolean
  /** Whether the last block visited was kept. */
  lastKept: boolean
  noted: Set<string>
  unresolved: UnresolvedItem[]
  path: string[]
  where: string
  /** The numbered footnote bodies that move to their reference: the first of each label (a repeated label's others stay where they are). */
  moving: Set<Node>
  /** Per consolidated table, the note marks its rows carried before (a note goes only when its references went). */
  tableNotes: Map<Node, Set<string>>
}

/** Consolidate `doc` under `scenario`. Pure: `doc` is not changed. */
export function consolidate(doc: Node, scenario: Scenario, options: ConsolidationOptions = {}): Consolidation {
  const index = indexDocument(doc)
  const numbered = numberedFootnotes(doc)
  const w: Walk = {
    index,
    resolutions: scenario.resolutions,
    values: placeholderValues(index, scenario, options),
    renumber: options.renumberProvisions ?? {},
    deleting: 0,
    joinNext: false,
    lastKept: false,
    noted: new Set(),
    unresolved: [],
    path: [],
    where: '',
    moving: new Set(numbered.values()),
    tableNotes: new Map(),
  }
  const content = blocks(doc, w)
  // Footnote bodies are consolidated apart from the walk (they move to their
  // reference); what they leave open counts only if the footnote survives.
  const bodies = new Map<string, Node>()
  const openInBodies = new Map<string, UnresolvedItem[]>()
  for (const [label, body] of numbered) {
    const side: Walk = {
      ...w,
      deleting: 0,
      joinNext: false,
      lastKept: false,
      noted: new Set(),
      unresolved: [],
      path: [`footnote ${label}`],
    }
    bodies.set(label, textBlock(body, side) ?? body)
    openInBodies.set(label, side.unresolved)
  }
  const { doc: renumbered, numbers } = renumberFootnotes(
    doc.type.create(doc.attrs, withLeadingGap(content, doc)),
    bodies,
    w.tableNotes,
  )
  const filled = fillComputedColumns(renumbered, scenario, options.computation)
  const unresolved = [...w.unresolved, ...Object.keys(numbers).flatMap((label) => openInBodies.get(label) ?? [])]
  return { doc: filled.doc, unresolved, footnotes: numbers, notices: filled.notices }
}

// The text's opening blank lines belong to the text, not to the block that went.
function withLeadingGap(content: Node[], original: Node): Node[] {
  const gapOf = (n: Node | null | undefined): number | null =>
    !n ? null : 'gap' in n.attrs ? n.attrs.gap : gapOf(n.firstChild)
  const want = gapOf(original.firstChild)
  const first = content[0]
  if (want === null || !first || gapOf(first) === want) return content
  const regap = (n: Node): Node =>
    'gap' in n.attrs
      ? n.type.create({ ...n.attrs, gap: want }, n.content, n.marks)
      : n.copy(n.content.replaceChild(0, regap(n.firstChild!)))
  return [regap(first), ...content.slice(1)]
}

/** The value each placeholder takes under `scenario`, formatted as the consolidated text writes it, by id. */
export function placeholderValues(
  index: DocumentIndex,
  scenario: Scenario,
  options: ConsolidationOptions,
): Map<string, string> {
  const bindings = options.bindings ?? {}
  const evaluation =
    options.computation?.evaluation ?? evaluateVariables(index, scenario.resolutions, bindings, scenario.values)
  const byPlaceholder = new Map<string, string>()
  for (const b of Object.values(bindings)) if ('placeholder' in b) byPlaceholder.set(b.placeholder, b.variable)
  const out = new Map<string, string>()
  for (const [id, { name }] of index.placeholders) {
    // An unbound placeholder stands for the variable of its own name (X is X).
    const variable = byPlaceholder.get(id) ?? (name in VARIABLES ? name : undefined)
    const value = variable === undefined ? undefined : evaluation.values[variable]
    if (value !== undefined) out.set(id, formatValue(value))
  }
  return out
}

function blocks(container: Node, w: Walk): Node[] {
  const out: Node[] = []
  container.forEach((child) => {
    const name = child.type.name
    if (name === 'option') {
      const decision = optionDecision(w.index, child, w.resolutions)
      if (decision === 'dropped') return droppedDivision(child, w)
      w.path.push(divisionName(child))
      if (decision === 'chosen' && !child.attrs.continues) {
        // The option becomes the text: its label goes (with its line when the label stands alone), and its applicability note.
        const kept: Node[] = []
        child.forEach((b, _, i) => {
          if (
            b.type.name === 'applicability' ||
            (i === 0 && b.type.name === 'heading' && b.attrs.level === 'option' && !holdsStructure(b))
          )
            dropped(b, w)
          else kept.push(i === 0 ? withoutOptionLabel(b) : b)
        })
        out.push(...blocks(child.copy(Fragment.from(kept)), w))
      } else if (decision === 'chosen') {
        out.push(...blocks(child, w))
      } else {
        if (!child.attrs.continues)
          record(w, child.attrs.id, 'option', divisionName(child), w.path.slice(0, -1).join(' › '))
        out.push(child.copy(Fragment.from(blocks(child, w))))
      }
      w.path.pop()
    } else if (name === 'section' || name === 'article') {
      if (allOptionsDropped(w.index, child, w.resolutions)) return droppedDivision(child, w)
      w.path.push(divisionName(child))
      out.push(child.copy(Fragment.from(blocks(child, w))))
      w.path.pop()
    } else if (name === 'table') {
      out.push(table(child, w))
    } else if (name === 'footnote' && w.moving.has(child)) {
      // Placed with its reference by the renumbering; a bracket that spans in or out of it still counts here.
      child.descendants((n) => {
        if (n.type.name === 'bracket_start' || n.type.name === 'bracket_end') spanningCount(n, w)
        return true
      })
    } else {
      const block = textBlock(child, w)
      if (block) out.push(block)
    }
  })
  return out
}

// What goes with a node taken out: a block that carried on the line before it
// (`4. Option A: …`) hands that on to the next block kept.
function dropped(node: Node, w: Walk): void {
  const first = node.isTextblock ? node : firstTextblock(node)
  if (first && first.attrs.gap === -1 && w.lastKept) w.joinNext = true
  w.lastKept = false
}

// A division taken out whole: a removed alternative that spans out of it (or into it)
// still begins, or ends, where its brackets stand.
function droppedDivision(node: Node, w: Walk): void {
  node.descendants((n) => {
    if (n.type.name === 'bracket_start' || n.type.name === 'bracket_end') spanningCount(n, w)
    return true
  })
  dropped(node, w)
}

function firstTextblock(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.firstChild) if (n.isTextblock) return n
  return null
}

// The first block of a chosen option without its `Option 2:` label and the spaces after it.
function withoutOptionLabel(block: Node): Node {
  const first = block.firstChild
  let at = 0
  block.forEach((n, _, i) => {
    if (n.type.name === 'label' && n.attrs.kind === 'option' && at === 0) at = i + 1
  })
  if (!first || at === 0) return block
  const children: Node[] = []
  block.forEach((n, _, i) => {
    if (i === at - 1) return
    if (i === at && n.isText) {
      const text = n.text!.replace(/^\s+/, '')
      if (text) children.push(n.type.schema.text(text, n.marks))
      return
    }
    children.push(n)
  })
  return block.type.create(block.attrs, children)
}

// Tables split across pages are one table: the break and the repeated heading rows go.
function table(node: Node, w: Walk): Node {
  const rows: Node[] = []
  let afterBreak = false
  node.forEach((child) => {
    if (child.type.name === 'table_break') {
      afterBreak = true
      return
    }
    if (child.type.name === 'table_row') {
      if (child.attrs.header && afterBreak) return
      if (!child.attrs.header) afterBreak = false
      w.where = [...w.path, `table ${node.attrs.id}`, blockName(child, child)].join(' › ')
      const cells: Node[] = []
      child.forEach((cell) => cells.push(cell.copy(Fragment.from(inlineContent(cell, w)))))
      rows.push(child.copy(Fragment.from(cells)))
      return
    }
    const block = textBlock(child, w)
    if (block) rows.push(block)
  })
  const out = node.copy(Fragment.from(rows))
  w.tableNotes.set(out, referencedTableNotes(node))
  return out
}

function textBlock(node: Node, w: Walk): Node | null {
  w.where = [...w.path, blockName(node)].join(' › ')
  const inDeletion = w.deleting > 0
  const content = inlineContent(node, w)
  // A block wholly inside a deleted bracket that spans blocks goes with it.
  if (inDeletion && content.length === 0) {
    dropped(node, w)
    return null
  }
  const joins = w.joinNext
  w.joinNext = false
  w.lastKept = true
  return node.type.create(joins ? { ...node.attrs, gap: -1 } : node.attrs, content)
}

function inlineContent(parent: Node, w: Walk): Node[] {
  const run = new InlineRun(parent.type.schema)
  inlineInto(parent, w, run)
  return run.nodes()
}

function inlineInto(parent: Node, w: Walk, run: InlineRun): void {
  parent.forEach((node) => {
    const name = node.type.name
    if (name === 'bracket_start' || name === 'bracket_end') return spanning(node, w, run)
    if (w.deleting) return
    if (name === 'bracket_group') {
      const d = groupDecision(w.index, w.resolutions, node.attrs.id)
      if (d.kind === 'unresolved') {
        const alternatives = node.childCount - countSeparators(node)
        record(w, node.attrs.id, alternatives > 1 ? 'alternatives' : 'optional', plainText(node))
        run.node(unresolvedGroup(node, w))
        return
      }
      run.join(d.kind === 'delete')
      if (d.kind === 'keep')
        node.forEach((alt) => {
          if (alt.type.name === 'alternative' && alt.attrs.id === d.alt) inlineInto(alt, w, run)
        })
      run.join(d.kind === 'delete')
    } else if (name === 'placeholder') {
      const value = w.values.get(node.attrs.id)
      if (value !== undefined) run.text(value)
      else {
        record(w, node.attrs.id, 'placeholder', node.attrs.name)
        run.node(node)
      }
    } else if (name === 'blank' || name === 'editorial_note') {
      record(w, node.attrs.id, name === 'blank' ? 'blank' : 'editorial-note', plainText(node))
      run.node(node)
    } else if (name === 'label' && node.attrs.kind === 'provision' && w.renumber[node.attrs.value] !== undefined) {
      const value = w.renumber[node.attrs.value]
      run.node(node.type.create({ ...node.attrs, value, text: node.attrs.text.replace(node.attrs.value, value) }))
    } else {
      if (node.isText && node.marks.some((m) => m.type.name === 'unmatched'))
        record(
          w,
          `unmatched-${w.unresolved.filter((u) => u.kind === 'unmatched-bracket').length + 1}`,
          'unmatched-bracket',
          node.text!,
        )
      run.node(node)
    }
  })
}

function spanning(node: Node, w: Walk, run: InlineRun): void {
  const { group, alt } = node.attrs
  const d = groupDecision(w.index, w.resolutions, group)
  const removed = d.kind === 'delete' || (d.kind === 'keep' && d.alt !== alt)
  if (d.kind === 'unresolved') {
    if (w.deleting) return
    const alternatives = w.index.groups.get(group)?.alternatives.length ?? 1
    record(w, group, alternatives > 1 ? 'alternatives' : 'optional', '[…] (spans blocks)')
    run.node(node)
    return
  }
  spanningCount(node, w)
  run.join(removed)
}

// Where a removed alternative that spans blocks begins and ends (never below zero: an end
// whose start stood where this walk did not go, in a footnote body consolidated apart, ends nothing).
function spanningCount(node: Node, w: Walk): void {
  const d = groupDecision(w.index, w.resolutions, node.attrs.group)
  const removed = d.kind === 'delete' || (d.kind === 'keep' && d.alt !== node.attrs.alt)
  if (!removed) return
  if (node.type.name === 'bracket_start') w.deleting++
  else w.deleting = Math.max(0, w.deleting - 1)
}

// An open group keeps its brackets; what is resolved inside its alternatives is applied.
function unresolvedGroup(group: Node, w: Walk): Node {
  const children: Node[] = []
  group.forEach((child) => {
    if (child.type.name !== 'alternative') return children.push(child)
    const run = new InlineRun(group.type.schema)
    inlineInto(child, w, run)
    children.push(child.copy(Fragment.from(run.nodes())))
  })
  return group.copy(Fragment.from(children))
}

function countSeparators(group: Node): number {
  let n = 0
  group.forEach((c) => {
    if (c.type.name === 'separator') n++
  })
  return n
}

function record(w: Walk, id: string, kind: UnresolvedKind, text: string, location = w.where): void {
  if (w.noted.has(id)) return
  w.noted.add(id)
  w.unresolved.push({ id, kind, text, location })
}
