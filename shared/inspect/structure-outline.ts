/**
 * The structure of a text as a list a reader (or a script) can search: one
 * entry per option, bracket group, optional bracket, placeholder, footnote and
 * heading, with its id and where it stands in the text (1-based lines, columns
 * in characters). `accord inspect --outline` prints it; it is how a secretariat
 * officer finds the id of "Option 2 of paragraph 4" to resolve it.
 */
import type { Node } from 'prosemirror-model'
import { sourceMap } from '../serialize/source-map.ts'
import { plainText } from '../consolidate/unresolved.ts'

/** The kinds of entry. */
export type OutlineKind = 'option' | 'bracketGroup' | 'optional' | 'placeholder' | 'footnote' | 'heading'

/** One entry of the outline. */
export interface OutlineEntry {
  kind: OutlineKind
  id: string
  line: number
  column: number
  endLine: number
  /** As written: `Option 2:`, `4.`, `Article 5`, a footnote's number. */
  label?: string
  /** What a reader calls it: `Option 2 of paragraph 4`, a heading's text, a placeholder's letter(s). */
  name?: string
  /** The enclosing option or bracket group (for an option: the option its run is nested in). */
  parent?: string
  /** For options: the run of alternatives it belongs to (choosing it drops the others of the run). */
  run?: string
}

const WANTED = new Set([
  'option',
  'heading',
  'bracket_group',
  'bracket_start',
  'bracket_end',
  'placeholder',
  'footnote',
])

/** The outline of `doc`, in text order. */
export function structureOutline(doc: Node): OutlineEntry[] {
  const map = sourceMap(
    doc,
    (n) => WANTED.has(n.type.name) || n.type.name === 'provision' || n.type.name === 'list_item',
  )
  const out: OutlineEntry[] = []
  const byId = new Map<string, OutlineEntry>()
  const at = (node: Node) => map.spans.get(node)!
  const place = (from: number, to: number) => {
    const start = map.position(from)
    return { line: start.line, column: start.column, endLine: map.position(Math.max(from, to - 1)).line }
  }
  const enclosing: string[] = []
  let context = ''
  let headingContext = ''
  // What a run's options are "of": the paragraph or heading where its first option stands.
  const runContext = new Map<string, string>()
  const visit = (node: Node): void => {
    const name = node.type.name
    if (name === 'option') {
      const span = map.spans.get(node)
      if (!span) return
      const continued = node.attrs.continues && byId.get(node.attrs.continues)
      if (continued) continued.endLine = place(span.from, span.to).endLine
      else {
        const label = optionLabel(node)
        const run: string = node.attrs.run
        // A label on a line of its own heads the options under a heading; one with text sits in a paragraph.
        const headed =
          node.firstChild?.type.name === 'heading' && node.firstChild.attrs.gap !== -1 && map.text[span.from] !== ' '
        if (run && !runContext.has(run)) runContext.set(run, headed ? headingContext : context)
        const of = run ? runContext.get(run)! : context
        let from = span.from
        while (map.text[from] === ' ') from++
        const entry: OutlineEntry = {
          kind: 'option',
          id: node.attrs.id,
          ...place(from, span.to),
          ...(label ? { label, name: `${label.replace(/[*:.\s]+$|^\*+|^\[/g, '')}${of ? ` of ${of}` : ''}` } : {}),
          ...(node.attrs.parent ? { parent: node.attrs.parent } : {}),
          ...(node.attrs.run ? { run: node.attrs.run } : {}),
        }
        out.push(entry)
        byId.set(entry.id, entry)
      }
      node.forEach(visit)
      return
    }
    if (name === 'heading' && node.attrs.level !== 'option' && node.attrs.level !== 'caption') {
      const span = at(node)
      const text = plainText(node).trim()
      context = headingContext = text.replace(/^#+\s*/, '').slice(0, 60)
      const label = firstLabel(node)
      out.push({
        kind: 'heading',
        id: `h${out.filter((e) => e.kind === 'heading').length + 1}`,
        ...place(span.from, span.to),
        ...(label ? { label } : {}),
        name: context,
      })
    } else if ((name === 'provision' || name === 'list_item') && node.attrs.gap !== -1) {
      const label = firstLabel(node)
      if (label) context = `paragraph ${label.replace(/^[-–•]\s*|[.\s]+$/g, '')}`
    } else if (name === 'footnote') {
      const span = at(node)
      out.push({ kind: 'footnote', id: node.attrs.id, ...place(span.from, span.to), label: node.attrs.label })
    }
    if (node.isTextblock) inlineEntries(node)
    else node.forEach(visit)
  }
  const inlineEntries = (parent: Node): void => {
    parent.forEach((node) => {
      const name = node.type.name
      if (name === 'bracket_group') {
        const span = at(node)
        let alternatives = 0
        node.forEach((c) => {
          if (c.type.name === 'alternative') alternatives++
        })
        const entry: OutlineEntry = {
          kind: alternatives > 1 ? 'bracketGroup' : 'optional',
          id: node.attrs.id,
          ...place(span.from, span.to),
          ...(enclosing.length ? { parent: enclosing[enclosing.length - 1] } : {}),
        }
        out.push(entry)
        enclosing.push(node.attrs.id)
        node.forEach((alt) => inlineEntries(alt))
        enclosing.pop()
      } else if (name === 'bracket_start') {
        const span = at(node)
        const known = byId.get(node.attrs.group)
        if (known) {
          known.kind = 'bracketGroup'
          return
        }
        const entry: OutlineEntry = {
          kind: 'optional',
          id: node.attrs.group,
          ...place(span.from, span.to),
          ...(enclosing.length ? { parent: enclosing[enclosing.length - 1] } : {}),
        }
        out.push(entry)
        byId.set(entry.id, entry)
        enclosing.push(node.attrs.group)
      } else if (name === 'bracket_end') {
        const entry = byId.get(node.attrs.group)
        if (entry) entry.endLine = map.position(at(node).from).line
        if (enclosing[enclosing.length - 1] === node.attrs.group) enclosing.pop()
      } else if (name === 'placeholder') {
        const span = at(node)
        out.push({
          kind: 'placeholder',
          id: node.attrs.id,
          ...place(span.from, span.to),
          name: node.attrs.name,
          ...(enclosing.length ? { parent: enclosing[enclosing.length - 1] } : {}),
        })
      } else if (name === 'editorial_note') return
      else if (!node.isLeaf) inlineEntries(node)
    })
  }
  doc.forEach(visit)
  return out
}

function firstLabel(block: Node): string | undefined {
  let label: string | undefined
  block.forEach((n) => {
    if (label === undefined && n.type.name === 'label') label = n.attrs.text
  })
  return label
}

function optionLabel(option: Node): string | undefined {
  const first = option.firstChild
  if (!first || !first.isTextblock) return undefined
  let label: string | undefined
  first.forEach((n) => {
    if (label === undefined && n.type.name === 'label' && n.attrs.kind === 'option') label = n.attrs.text
  })
  return label
}
