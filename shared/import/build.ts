/**
 * Turns the planned structure (`structure.ts`) into document nodes: articles
 * and sections around their blocks, option nodes with their run, parent and
 * extent, and resolves what needs the whole text: which section an
 * applicability note names, and which Party an option's footnote credits.
 */
import type { Node } from 'prosemirror-model'
import { schema } from '../schema/index.ts'
import type { BlockRec } from './blocks.ts'
import { buildInline, type InlineContext } from './inline.ts'
import type { Run } from './scan.ts'
import type { OptionPlan, Placement, RunPlan } from './structure.ts'
import type { TableRec } from './tables.ts'

const nodes = schema.nodes

/** What building needs: inline context and each block's runs (one per table cell). */
export interface BuildContext extends InlineContext {
  runs: Map<BlockRec, Run[]>
}

type Frame = {
  kind: 'doc' | 'article' | 'section' | 'option'
  rank: number
  attrs: Record<string, unknown>
  children: Node[]
  recs: BlockRec[]
  plan?: OptionPlan
}

/** Build the document's top-level content from the planned placements. */
export function buildContent(placements: Placement[], cx: BuildContext): Node[] {
  const footnoteTexts = collectFootnoteTexts(placements, cx.lines)
  const sections: { id: string; letter: string; title: string }[] = []
  const optionIds = new Map<OptionPlan, string>()
  const runIds = new Map<RunPlan, string>()
  const stack: Frame[] = [{ kind: 'doc', rank: -1, attrs: {}, children: [], recs: [] }]
  let current: Placement['node'] = null
  const top = () => stack[stack.length - 1]
  const close = () => {
    const frame = stack.pop()!
    if (frame.kind === 'option' && !frame.attrs.continues)
      frame.attrs.attribution = attribution(frame.recs, cx, footnoteTexts)
    top().children.push(nodes[frame.kind].create(frame.attrs, frame.children))
  }
  const closeOption = () => {
    if (top().kind === 'option') close()
    current = null
  }
  const closeDivisions = (rank: number) => {
    closeOption()
    while (top().kind !== 'doc' && top().rank >= rank) close()
  }
  for (const p of placements) {
    const item = p.item
    if (p.division) {
      const rec = item as BlockRec
      closeDivisions(rec.rank!)
      const frame: Frame = {
        kind: p.division,
        rank: rec.rank!,
        attrs: { id: cx.ids.next(p.division === 'article' ? 'a' : 's') },
        children: [],
        recs: [],
      }
      stack.push(frame)
      if (p.division === 'section' && rec.label)
        sections.push({
          id: frame.attrs.id as string,
          letter: rec.label.value,
          title: plain(cx.lines[rec.first].slice(rec.label.to)),
        })
    } else {
      if (p.node !== current) {
        closeOption()
        if (p.node) openOption(p.node.option, p.node.continues)
        current = p.node
      }
      // A heading between divisions (a part, an annex): the divisions it outranks end before it.
      if (!p.node && item.type === 'heading' && typeof item.rank === 'number') closeDivisions(item.rank)
    }
    if (item.type === 'table') top().children.push(tableNode(item, cx))
    else {
      top().recs.push(item)
      top().children.push(blockNode(item, cx, sections))
    }
  }
  while (stack.length > 1) close()
  return stack[0].children

  function openOption(plan: OptionPlan, continues: boolean) {
    const id = cx.ids.next('o')
    if (!continues) optionIds.set(plan, id)
    let run = runIds.get(plan.run)
    if (!run) runIds.set(plan.run, (run = cx.ids.next('run')))
    const attrs = {
      id,
      attribution: null,
      run,
      parent: plan.parent ? (optionIds.get(plan.parent) ?? null) : null,
      continues: continues ? (optionIds.get(plan) ?? null) : null,
      extent: plan.extent,
    }
    if (!continues && plan.guess)
      cx.guesses.push({
        kind: 'option',
        id,
        line: plan.label.first + 1,
        column: plan.label.from + 1,
        message: plan.guess,
      })
    stack.push({ kind: 'option', rank: Infinity, attrs, children: [], recs: [], plan })
  }
}

function blockNode(rec: BlockRec, cx: BuildContext, sections: { id: string; letter: string; title: string }[]): Node {
  const run = cx.runs.get(rec)![0]
  const content = buildInline(run, 0, run.tokens.length, cx)
  const gap = rec.gap
  switch (rec.type) {
    case 'heading':
      return nodes.heading.create(
        { gap, level: rec.level, rank: typeof rec.rank === 'number' ? rec.rank : null },
        content,
      )
    case 'applicability':
      return nodes.applicability.create({ gap, ...applicabilityTarget(cx.lines, rec, sections) }, content)
    case 'footnote':
      return footnoteNode(rec, cx, content)
    case 'table_break':
      return nodes.heading.create({ gap, level: 'caption' }, content)
    case 'row':
      throw new Error('table rows are built by tableNode')
    default:
      return nodes[rec.type].create({ gap }, content)
  }
}

function footnoteNode(rec: BlockRec, cx: BuildContext, content: Node[]): Node {
  const label = rec.label!.value
  const kind = /^\d+$/.test(label) ? 'numbered' : label.includes('*') && label.length === 1 ? 'star' : 'lettered'
  return nodes.footnote.create({ gap: rec.gap, id: cx.ids.next('f'), label, kind }, content)
}

function tableNode(table: TableRec, cx: BuildContext): Node {
  const children = table.children.map(({ rec, header, party }) => {
    if (rec.type === 'footnote') return footnoteNode(rec, cx, inlineOf(rec, cx))
    if (rec.type === 'table_break') return nodes.table_break.create({ gap: rec.gap }, inlineOf(rec, cx))
    const cells = cx.runs
      .get(rec)!
      .map((run) => nodes.table_cell.create(null, buildInline(run, 0, run.tokens.length, cx)))
    return nodes.table_row.create({ gap: rec.gap, header, party }, cells)
  })
  return nodes.table.create({ gap: table.gap, id: cx.ids.next('t') }, children)
}

function inlineOf(rec: BlockRec, cx: BuildContext): Node[] {
  const run = cx.runs.get(rec)![0]
  return buildInline(run, 0, run.tokens.length, cx)
}

// "(would only apply if option 3 for Annex B above is selected)": option 3 of
// the section headed "Annex B". Null where the note names no option we can find.
function applicabilityTarget(
  lines: string[],
  rec: BlockRec,
  sections: { id: string; letter: string; title: string }[],
) {
  const text = lines.slice(rec.first, rec.last + 1).join(' ')
  const m = /\boption\s+(\S+?)\s+(?:for|in|of|under)\s+(.+?)\s+(?:above|below)\b/i.exec(text)
  if (!m) return { section: null, option: null }
  const target = m[2].trim()
  const letter = /^section\s+([A-Z])$/i.exec(target)?.[1]
  const section = letter
    ? sections.find((s) => s.letter === letter)
    : sections.find((s) => s.title.toLowerCase() === target.toLowerCase())
  return { section: section?.id ?? null, option: m[1] }
}

const CREDIT = [
  /^\s*(?:According to\s+)([A-Z][\p{L} .'-]+?),/u,
  /^\s*([A-Z][\p{L} .'-]+?)\s+(?:suggests|proposes|proposed|suggested)\b/u,
]

// The Party credited by a footnote on the option's heading or first instruction.
function attribution(recs: BlockRec[], cx: BuildContext, footnotes: Map<string, string>): string | null {
  const instruction = recs.find((r) => r.type === 'instruction')
  for (const rec of [recs[0], instruction]) {
    if (!rec) continue
    for (const run of cx.runs.get(rec) ?? []) {
      for (const t of run.tokens) {
        if (t.kind !== 'ref') continue
        const body = footnotes.get(t.label)
        for (const re of CREDIT) {
          const m = body && re.exec(body)
          if (m) return m[1]
        }
      }
    }
  }
  return null
}

function collectFootnoteTexts(placements: Placement[], lines: string[]): Map<string, string> {
  const texts = new Map<string, string>()
  for (const { item } of placements) {
    if (item.type === 'footnote' && item.label && !texts.has(item.label.value)) {
      texts.set(
        item.label.value,
        lines
          .slice(item.first, item.last + 1)
          .join(' ')
          .slice(item.label.to),
      )
    }
  }
  return texts
}

// A heading's title without footnote markers and brackets, for matching names.
function plain(text: string): string {
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{[^}]*\}|\^\S/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
