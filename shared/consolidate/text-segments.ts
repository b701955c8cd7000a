/**
 * A text read for the audit: its blocks (paragraphs, headings, table rows),
 * each a list of segments — runs of characters with what a scenario says will
 * become of them (`becomes`) and why (`cause`). A bracket resolved away, an
 * option dropped, a placeholder given its value: the cause is the resolution.
 * Read with no scenario, every segment simply stays itself.
 */
import type { Node } from 'prosemirror-model'
import type { Bindings } from '../model/bindings.ts'
import { indexDocument, type DocumentIndex } from '../model/document-index.ts'
import { evaluateVariables } from '../model/evaluate.ts'
import type { Scenario } from '../model/scenario.ts'
import { formatValue, VARIABLES } from '../model/variables.ts'
import { allOptionsDropped, groupDecision, holdsStructure, optionDecision } from './decisions.ts'
import { blockName, divisionName } from './unresolved.ts'

/** A run of characters and its fate. `footnote`: the label of a footnote marker or body label (its number may change). */
export interface Segment {
  text: string
  becomes: string
  cause: string | null
  footnote: string | null
  /** Ids of the nodes around it (options, groups, alternatives): what a streamlining step can name. */
  ids: string[]
}

/** A block as the audit reads it. */
export interface SegmentBlock {
  location: string
  segments: Segment[]
  /** The Party of a table row. */
  party: string | null
  /** A numbered footnote's body: its label, for matching bodies that moved. */
  footnote: string | null
}

/** What the audit knows of the decisions between two texts. */
export interface ReadingContext {
  scenario?: Scenario
  bindings?: Bindings
  renumberProvisions?: Record<string, string>
}

interface State {
  index: DocumentIndex
  cx: ReadingContext
  values: Map<string, { variable: string; value: string }>
  path: string[]
  ids: string[]
  gone: string | null
  /** In a chosen option's first block: why its label goes. */
  label: string | null
  out: SegmentBlock[]
}

/** Read `doc` into blocks of segments under `cx` (no scenario: nothing changes). */
export function readSegments(doc: Node, cx: ReadingContext = {}): SegmentBlock[] {
  const index = indexDocument(doc)
  const st: State = { index, cx, values: values(index, cx), path: [], ids: [], gone: null, label: null, out: [] }
  divisionInto(doc, st)
  return st.out
}

function values(index: DocumentIndex, cx: ReadingContext): Map<string, { variable: string; value: string }> {
  const out = new Map<string, { variable: string; value: string }>()
  if (!cx.scenario) return out
  const evaluation = evaluateVariables(index, cx.scenario.resolutions, cx.bindings ?? {}, cx.scenario.values)
  const bound = new Map<string, string>()
  for (const b of Object.values(cx.bindings ?? {})) if ('placeholder' in b) bound.set(b.placeholder, b.variable)
  for (const [id, { name }] of index.placeholders) {
    const variable = bound.get(id) ?? (name in VARIABLES ? name : undefined)
    const v = variable === undefined ? undefined : evaluation.values[variable]
    if (v !== undefined) out.set(id, { variable: variable!, value: formatValue(v) })
  }
  return out
}

function divisionInto(container: Node, st: State): void {
  const resolutions = st.cx.scenario?.resolutions ?? {}
  container.forEach((child) => {
    const name = child.type.name
    const outer = st.gone
    if (name === 'option' || name === 'section' || name === 'article') {
      st.path.push(divisionName(child))
      st.ids.push(child.attrs.id)
      if (name === 'option' && st.cx.scenario) {
        const id = child.attrs.continues ?? child.attrs.id
        const d = optionDecision(st.index, child, resolutions)
        if (d === 'dropped') st.gone ??= `option ${id} dropped`
        if (d === 'chosen' && !child.attrs.continues) {
          child.forEach((b, _, i) => {
            const heading =
              (i === 0 && b.type.name === 'heading' && b.attrs.level === 'option' && !holdsStructure(b)) ||
              b.type.name === 'applicability'
            if (heading) st.gone ??= `option ${id} chosen: its heading and applicability note go`
            st.label = i === 0 ? `option ${id} chosen: its label goes` : null
            blockInto(b, st)
            st.label = null
            if (heading) st.gone = outer
          })
        } else divisionInto(child, st)
      } else {
        if (st.cx.scenario && allOptionsDropped(st.index, child, resolutions))
          st.gone ??= `every option of ${child.attrs.id} dropped: it goes with its heading`
        divisionInto(child, st)
      }
      st.gone = outer
      st.path.pop()
      st.ids.pop()
    } else blockInto(child, st)
  })
}

function blockInto(block: Node, st: State): void {
  if (block.type.name === 'table') return tableInto(block, st)
  const segments: Segment[] = []
  const footnote = block.type.name === 'footnote' && block.attrs.kind === 'numbered' ? block.attrs.label : null
  // A footnote's body is not where it is printed: it follows its references, so the division around it does not decide its fate.
  const outer = st.gone
  if (footnote !== null) st.gone = null
  inlineInto(block, st, segments)
  st.gone = outer
  st.out.push({ location: [...st.path, blockName(block)].join(' › '), segments, party: null, footnote })
}

function tableInto(table: Node, st: State): void {
  let afterBreak = false
  table.forEach((child) => {
    const outer = st.gone
    if (child.type.name === 'table_break') {
      afterBreak = true
      if (st.cx.scenario) st.gone ??= 'table continued across pages: joined into one table'
    } else if (child.type.name === 'table_row') {
      if (child.attrs.header && afterBreak && st.cx.scenario)
        st.gone ??= 'table continued across pages: its repeated heading goes'
      if (!child.attrs.header) afterBreak = false
      const segments: Segment[] = []
      child.forEach((cell, _, i) => {
        if (i > 0) segments.push({ text: '\t', becomes: '\t', cause: null, footnote: null, ids: [] })
        inlineInto(cell, st, segments)
      })
      st.out.push({
        location: [...st.path, `table ${table.attrs.id}`, blockName(child, child)].join(' › '),
        segments,
        party: child.attrs.party,
        footnote: null,
      })
      st.gone = outer
      return
    }
    blockInto(child, st)
    st.gone = outer
  })
}

function inlineInto(parent: Node, st: State, out: Segment[]): void {
  const push = (text: string, becomes: string, cause: string | null, footnote: string | null = null) => {
    out.push({ text, becomes: st.gone ? '' : becomes, cause: st.gone ?? cause, footnote, ids: [...st.ids] })
  }
  const resolutions = st.cx.scenario?.resolutions
  parent.forEach((node) => {
    const name = node.type.name
    if (node.isText) return push(node.text!, node.text!, null)
    if (name === 'bracket_group') {
      const d = resolutions ? groupDecision(st.index, resolutions, node.attrs.id) : { kind: 'unresolved' as const }
      const why =
        d.kind === 'unresolved' ? null : `${node.attrs.id} ${d.kind === 'keep' ? `resolved: ${d.alt} kept` : 'deleted'}`
      const square = node.attrs.style !== 'slash'
      st.ids.push(node.attrs.id)
      node.forEach((child) => {
        const outer = st.gone
        if (child.type.name === 'separator' || d.kind === 'delete' || (d.kind === 'keep' && child.attrs.id !== d.alt))
          st.gone ??= why
        st.ids.push(child.attrs.id ?? '')
        const bracket = square && child.type.name === 'alternative'
        if (bracket) push('[', why ? '' : '[', why)
        inlineInto(child, st, out)
        if (bracket) push(']', why ? '' : ']', why)
        st.ids.pop()
        st.gone = outer
      })
      st.ids.pop()
    } else if (name === 'placeholder') {
      const v = st.values.get(node.attrs.id)
      push(node.attrs.name, v ? v.value : node.attrs.name, v ? `${v.variable} = ${v.value}` : null)
    } else if (name === 'footnote_ref')
      push(node.attrs.text, node.attrs.text, st.cx.scenario ? 'footnotes renumbered' : null, node.attrs.label)
    else if (name === 'label' && node.attrs.kind === 'option' && st.label) push(node.attrs.text, '', st.label)
    else if (name === 'label') {
      const renumbered = node.attrs.kind === 'provision' ? st.cx.renumberProvisions?.[node.attrs.value] : undefined
      if (renumbered !== undefined)
        push(
          node.attrs.text,
          node.attrs.text.replace(node.attrs.value, renumbered),
          `provision ${node.attrs.value} renumbered ${renumbered}`,
        )
      else
        push(
          node.attrs.text,
          node.attrs.text,
          node.attrs.kind === 'footnote' && st.cx.scenario ? 'footnotes renumbered' : null,
          node.attrs.kind === 'footnote' ? node.attrs.value : null,
        )
    } else if (name === 'bracket_start' || name === 'bracket_end') {
      const d = resolutions ? groupDecision(st.index, resolutions, node.attrs.group) : { kind: 'unresolved' as const }
      const ch = name === 'bracket_start' ? '[' : ']'
      push(ch, d.kind === 'unresolved' ? ch : '', d.kind === 'unresolved' ? null : `${node.attrs.group} resolved`)
    } else if (name === 'hard_break') push('\n', '\n', null)
    else if (node.isLeaf) push(node.attrs.text ?? '', node.attrs.text ?? '', null)
    else {
      const text: string[] = []
      node.forEach((c) => text.push(c.text ?? ''))
      const written = node.attrs.style === 'curly' ? `{${text.join('')}}` : `[*${text.join('')}*]`
      push(written, written, null)
    }
  })
}
