/**
 * Choosing, for the property test: sets of choices made together (one option
 * of every run, one alternative of every group, as far as they are independent)
 * and, read from the document's structure by this test alone, the words that
 * must stay when they are made — everything but the siblings of what is chosen,
 * the brackets of resolved groups and the labels of chosen options.
 */
import type { Node } from 'prosemirror-model'
import { writeText } from '../../shared/serialize/plain.ts'
import { sourceMap, type SourceSpan } from '../../shared/serialize/source-map.ts'

type Resolutions = Record<string, string>

interface OptionNode {
  id: string
  run: string
  parent: string | null
}

/** Sets of options to choose together: no two in one run, every option holding a chosen one chosen too. */
export function optionPasses(doc: Node): Resolutions[] {
  const options = new Map<string, OptionNode>()
  doc.descendants((n) => {
    if (n.type.name === 'option' && !n.attrs.continues)
      options.set(n.attrs.id, { id: n.attrs.id, run: n.attrs.run, parent: n.attrs.parent })
    return n.type.name !== 'option' && !n.isTextblock
  })
  const passes: { chosen: Set<string>; runs: Set<string> }[] = []
  for (const o of options.values()) {
    const chain: OptionNode[] = []
    for (let at: OptionNode | undefined = o; at; at = at.parent ? options.get(at.parent) : undefined) chain.push(at)
    let pass = passes.find((p) => chain.every((c) => p.chosen.has(c.id) || !p.runs.has(c.run)))
    if (!pass) passes.push((pass = { chosen: new Set(), runs: new Set() }))
    for (const c of chain) {
      pass.chosen.add(c.id)
      pass.runs.add(c.run)
    }
  }
  return passes.map((p) => Object.fromEntries([...p.chosen].map((id) => [id, 'chosen'])))
}

/** Sets of group resolutions: every group resolved to its k-th alternative (kept, then deleted, when optional). */
export function groupPasses(doc: Node): Resolutions[] {
  const groups = new Map<string, string[]>()
  doc.descendants((n) => {
    if (n.type.name === 'bracket_group') {
      const alts: string[] = []
      n.forEach((c) => {
        if (c.type.name === 'alternative') alts.push(c.attrs.id)
      })
      groups.set(n.attrs.id, alts.length > 1 ? alts : ['kept', 'deleted'])
    } else if (n.type.name === 'bracket_start') {
      const alts = groups.get(n.attrs.group) ?? []
      if (!alts.includes(n.attrs.alt)) alts.push(n.attrs.alt)
      groups.set(n.attrs.group, alts)
    }
    return true
  })
  for (const [id, alts] of groups) if (alts.length === 1 && alts[0] !== 'kept') groups.set(id, ['kept', 'deleted'])
  const most = Math.max(0, ...[...groups.values()].map((a) => a.length))
  const passes: Resolutions[] = []
  for (let k = 0; k < most; k++) {
    const pass: Resolutions = {}
    for (const [id, alts] of groups) pass[id] = alts[Math.min(k, alts.length - 1)]
    passes.push(pass)
  }
  return passes
}

/** The words (runs of letters and digits) of `doc` that must stay under `resolutions`, as read from its structure. */
export function wordsThatStay(doc: Node, resolutions: Resolutions): string[] {
  const map = sourceMap(doc)
  const gone = new Uint8Array(map.text.length)
  const take = (s: SourceSpan | undefined, from = s?.from, to = s?.to) => s && gone.fill(1, from, to)
  const runs = new Map<string, string[]>()
  const parents = new Map<string, string | null>()
  doc.descendants((n) => {
    if (n.type.name === 'option' && !n.attrs.continues) {
      runs.set(n.attrs.run, [...(runs.get(n.attrs.run) ?? []), n.attrs.id])
      parents.set(n.attrs.id, n.attrs.parent)
    }
    return !n.isTextblock
  })
  const dropped = (id: string): boolean => {
    const run = [...runs.values()].find((r) => r.includes(id))!
    if (resolutions[id] !== 'chosen' && run.some((o) => resolutions[o] === 'chosen')) return true
    const parent = parents.get(id)
    return parent ? dropped(parent) : false
  }
  const inline = (parent: Node) =>
    parent.forEach((n) => {
      const name = n.type.name
      // Footnote markers are renumbered, not words: masked once the decisions are read.
      if (name === 'footnote_ref' || (name === 'label' && n.attrs.kind === 'footnote')) markers.push(n)
      else if (name === 'bracket_group') {
        const r = resolutions[n.attrs.id]
        n.forEach((c) => {
          const s = map.spans.get(c)!
          const kept = r === 'kept' || (c.type.name === 'alternative' && c.attrs.id === r)
          if (!r) inline(c)
          else if (r === 'deleted' || !kept) take(s)
          else {
            if (n.attrs.style !== 'slash') (take(s, s.from, s.from + 1), take(s, s.to - 1, s.to))
            inline(c)
          }
        })
      } else if (name === 'bracket_start' || name === 'bracket_end') {
        const r = resolutions[n.attrs.group]
        if (r) take(map.spans.get(n))
        if (name === 'bracket_start' && r && r !== 'kept' && r !== n.attrs.alt) spanning.push(n)
      } else if (!n.isLeaf) inline(n)
    })
  const spanning: Node[] = []
  const tables: Node[] = []
  const markers: Node[] = []
  const block = (n: Node): void => {
    const name = n.type.name
    if (name === 'option') {
      const id = n.attrs.continues ?? n.attrs.id
      if (dropped(id)) {
        take(map.spans.get(n))
        return n.forEach(block) // a bracket spanning out of it still counts
      }
      if (resolutions[id] === 'chosen' && !n.attrs.continues) {
        n.forEach((b, _, i) => {
          const onlyLabel = b.type.name === 'heading' && b.attrs.level === 'option' && !holdsMore(b)
          if (b.type.name === 'applicability' || (i === 0 && onlyLabel)) take(map.spans.get(b))
          else if (i === 0)
            b.forEach((x) => {
              if (x.type.name !== 'label' || x.attrs.kind !== 'option') return
              const s = map.spans.get(x)!
              let to = s.to
              while (map.text[to] === ' ') to++
              take(s, s.from, to)
            })
        })
      }
      n.forEach(block)
    } else if (name === 'footnote' && n.attrs.kind === 'numbered') {
      // Moved to its reference, compared apart; a bracket spanning in or out of it still counts.
      inline(n)
      take(map.spans.get(n))
    } else if (name === 'table') {
      let afterBreak = false
      n.forEach((row) => {
        if (row.type.name === 'table_break') ((afterBreak = true), take(map.spans.get(row)))
        else if (row.type.name === 'table_row' && row.attrs.header && afterBreak) take(map.spans.get(row))
        else if (row.type.name === 'table_row') ((afterBreak = row.attrs.header && afterBreak), inline(row))
        else block(row)
      })
      tables.push(n)
    } else if (n.isTextblock) inline(n)
    else n.forEach(block)
  }
  doc.forEach(block)
  // A group resolved away across blocks takes everything between its markers.
  const ends = new Map<string, number>()
  doc.descendants((n) => {
    if (n.type.name === 'bracket_end') ends.set(`${n.attrs.group}/${n.attrs.alt}`, map.spans.get(n)!.to)
    return true
  })
  for (const s of spanning) take(map.spans.get(s), map.spans.get(s)!.from, ends.get(`${s.attrs.group}/${s.attrs.alt}`))
  // A table's note goes with its references, when it had some and every one went.
  for (const t of tables) {
    const refs = new Map<string, number[]>()
    t.descendants((n) => {
      if (n.type.name === 'footnote') return false
      if (n.type.name === 'footnote_ref')
        for (const ch of n.attrs.label as string) refs.set(ch, [...(refs.get(ch) ?? []), map.spans.get(n)!.from])
      return true
    })
    t.forEach((note) => {
      if (note.type.name !== 'footnote') return
      const chars = [...(note.attrs.label as string)]
      if (chars.every((ch) => refs.get(ch)?.every((at) => gone[at]))) take(map.spans.get(note))
    })
  }
  for (const m of markers) take(map.spans.get(m))
  const kept: string[] = []
  let word = ''
  for (let i = 0; i < map.text.length; i++) {
    if (gone[i]) continue
    if (/[\p{L}\p{N}]/u.test(map.text[i])) word += map.text[i]
    else if (word) (kept.push(word), (word = ''))
  }
  if (word) kept.push(word)
  return kept
}

/** The words of a consolidated text, footnote markers and numbered footnote bodies aside. */
export function wordsOf(doc: Node): string[] {
  const parts: string[] = []
  let skip = 0
  const skipped = (n: Node) =>
    n.type.name === 'footnote_ref' ||
    (n.type.name === 'label' && n.attrs.kind === 'footnote') ||
    (n.type.name === 'footnote' && n.attrs.kind === 'numbered')
  writeText(doc, {
    text: (s) => void (skip || parts.push(s)),
    enter: (n) => void (skipped(n) && skip++),
    leave: (n) => void (skipped(n) && skip--),
  })
  return parts.join('').match(/[\p{L}\p{N}]+/gu) ?? []
}

function holdsMore(heading: Node): boolean {
  let more = false
  heading.forEach((n) => {
    if (['bracket_group', 'bracket_start', 'bracket_end', 'placeholder'].includes(n.type.name)) more = true
  })
  return more
}
