/**
 * The streamlining audit: a word-level account of what changed between two
 * texts — two revisions, or a text and its consolidation — with each word
 * removed or added traced to the resolution or edit that explains it. The
 * audit reads the first text under the scenario on its own (it does not ask
 * the consolidation what it did), predicts each word's fate, and compares the
 * prediction with the second text: a word that changed where nothing predicts
 * a change is reported with no cause. That is how a stray edit shows.
 */
import type { Node } from 'prosemirror-model'
import type { Computation } from '../model/compute.ts'
import { inscriptionKey, INSCRIPTION_COLUMNS, type InscriptionColumn } from '../model/inscriptions.ts'
import type { Step } from '../streamline/step.ts'
import { alignRuns } from '../streamline/sequence-diff.ts'
import { readSegments, type ReadingContext, type SegmentBlock } from './text-segments.ts'

/** What may explain the changes: the scenario consolidated under, the model's numbers, renumbering asked for, streamlining steps. */
export interface AuditExplanations extends ReadingContext {
  computation?: Computation
  /** Streamlining steps taken between two revisions: a word in a node a step names is explained by it. */
  steps?: Step[]
}

/** One word removed from the first text or added in the second. */
export interface WordChange {
  change: 'removed' | 'added'
  word: string
  /** Where it stands (headings › block), in the text it belongs to. */
  location: string
  /** The resolution or edit that explains it; null when nothing does. */
  cause: string | null
}

/** The account of two texts. */
export interface Audit {
  changes: WordChange[]
  /** The changes nothing explains. */
  unexplained: WordChange[]
}

interface Word {
  key: string
  text: string
  causes: Set<string>
  ids: Set<string>
  block: SegmentBlock
}

/** Audit the change from `before` to `after`. */
export function auditTexts(before: Node, after: Node, explain: AuditExplanations = {}): Audit {
  const changes: WordChange[] = []
  const a = readSegments(before, explain)
  const b = readSegments(after)
  const read = (blocks: SegmentBlock[]) =>
    blocks.filter((x) => !x.footnote).map((block) => ({ block, words: words(block, changes) }))
  const aBlocks = read(a)
  const bBlocks = read(b)
  const blockKey = (x: { words: Word[] }) => x.words.map((w) => w.key).join(' ')
  for (const run of alignRuns(aBlocks, bBlocks, blockKey)) {
    if (run.kind === 'same') run.a.forEach((x, i) => compareWords(x.words, run.b[i].words, changes))
    else
      wordRuns(
        run.a.flatMap((x) => x.words),
        run.b.flatMap((x) => x.words),
        changes,
        explain,
      )
  }
  footnoteBodies(a, b, changes)
  if (explain.steps?.length) explainBySteps(changes, a, b, explain.steps)
  return { changes, unexplained: changes.filter((c) => c.cause === null) }
}

// Words of a block, keyed by what they should become; what goes is recorded as removed.
function words(block: SegmentBlock, removed: WordChange[]): Word[] {
  const out: Word[] = []
  let current: Word | null = null
  let pending = new Set<string>()
  const start = () => (current ??= { key: '', text: '', causes: new Set(pending), ids: new Set(), block })
  const end = () => {
    if (current && current.key) out.push(current)
    else if (current) for (const c of current.causes) pending.add(c)
    if (current?.key) pending = new Set()
    current = null
  }
  for (const s of block.segments) {
    if (!s.becomes) {
      for (const word of s.text.split(/\s+/).filter(Boolean))
        removed.push({ change: 'removed', word, location: block.location, cause: s.cause })
      if (s.cause) ((current as Word | null)?.causes ?? pending).add(s.cause)
      continue
    }
    if (s.footnote !== null) {
      const w = start()
      // A numbered or lettered marker may be renumbered; `*` never is (and may come back as plain text).
      w.key += s.text === '*' ? '*' : '#'
      w.text += s.text
      if (s.cause) w.causes.add(s.cause)
      s.ids.forEach((id) => w.ids.add(id))
      continue
    }
    // Characters of the prediction make the key; those of the text as written, the reported word.
    const parts = s.becomes.split(/(\s+)/)
    const sameText = s.becomes === s.text
    parts.forEach((part, i) => {
      if (!part) return
      if (/^\s+$/.test(part)) return end()
      // Where a resolved bracket left a space before punctuation, consolidation closes it up.
      if ((current as Word | null) === null && pending.size && /^[,.;:)]/.test(part) && out.length) current = out.pop()!
      const w = start()
      w.key += part
      w.text += sameText ? part : i === 0 || i === parts.length - 1 ? (i === 0 ? s.text : '') : ''
      if (s.cause) w.causes.add(s.cause)
      s.ids.forEach((id) => w.ids.add(id))
    })
    if (/\s$/.test(s.becomes)) end()
  }
  end()
  return out
}

function compareWords(a: Word[], b: Word[], changes: WordChange[]): void {
  a.forEach((wa, i) => {
    const wb = b[i]
    if (wa.text === wb.text) return
    const cause = wa.causes.size ? [...wa.causes].join('; ') : null
    changes.push(
      { change: 'removed', word: wa.text, location: wa.block.location, cause },
      { change: 'added', word: wb.text, location: wb.block.location, cause },
    )
  })
}

function wordRuns(a: Word[], b: Word[], changes: WordChange[], explain: AuditExplanations): void {
  for (const run of alignRuns(a, b, (w) => w.key)) {
    if (run.kind === 'same') {
      compareWords(run.a, run.b, changes)
      continue
    }
    for (const w of run.a) changes.push({ change: 'removed', word: w.text, location: w.block.location, cause: null })
    for (const w of run.b)
      changes.push({ change: 'added', word: w.text, location: w.block.location, cause: computedCell(w, explain) })
  }
}

// A number added in a Party's row is explained if the model holds that number for the Party.
function computedCell(w: Word, explain: AuditExplanations): string | null {
  const party = w.block.party
  const value = Number(w.key)
  if (!party || !/^\d+(\.\d+)?$/.test(w.key)) return null
  for (const column of Object.keys(INSCRIPTION_COLUMNS) as InscriptionColumn[]) {
    const v = explain.scenario?.inscriptions[inscriptionKey(column, party)]
    if (typeof v === 'number' && Math.abs(v - value) < 0.005) return `inscription ${column}/${party} = ${v}`
  }
  const row = explain.computation?.results.rows.find((r) => r.party === party)
  const derived = [...(row?.reductionRates ?? []).map((r) => r.ratePct), ...Object.values(row?.annexC ?? {})]
  if (derived.some((v) => typeof v === 'number' && Math.abs(v - value) < 0.005))
    return `computed from ${party}'s inscription`
  return null
}

// Footnote bodies move to their references: matched by content, not place.
function footnoteBodies(a: SegmentBlock[], b: SegmentBlock[], changes: WordChange[]): void {
  const referenced = new Set<string>()
  for (const block of a)
    if (!block.footnote)
      for (const s of block.segments) if (s.footnote !== null && s.becomes) referenced.add(s.footnote)
  const key = (words: Word[]) => words.map((w) => w.key).join(' ')
  const scratch: WordChange[] = []
  const afterBodies = b.filter((x) => x.footnote).map((block) => ({ block, words: words(block, scratch), used: false }))
  for (const block of a.filter((x) => x.footnote)) {
    const ws = words(block, changes)
    const match = afterBodies.find((x) => !x.used && key(x.words) === key(ws))
    if (match) {
      match.used = true
      compareWords(ws, match.words, changes)
      continue
    }
    const cause = referenced.has(block.footnote!)
      ? null
      : `footnote ${block.footnote}: its references went with deleted text`
    for (const w of ws) changes.push({ change: 'removed', word: w.text, location: block.location, cause })
  }
  for (const x of afterBodies)
    if (!x.used)
      for (const w of x.words) changes.push({ change: 'added', word: w.text, location: x.block.location, cause: null })
}

function explainBySteps(changes: WordChange[], a: SegmentBlock[], b: SegmentBlock[], steps: Step[]): void {
  const idsAt = new Map<string, Set<string>>()
  for (const block of [...a, ...b]) {
    const ids = idsAt.get(block.location) ?? new Set<string>()
    for (const s of block.segments) s.ids.forEach((id) => ids.add(id))
    idsAt.set(block.location, ids)
  }
  for (const c of changes) {
    if (c.cause) continue
    const ids = idsAt.get(c.location) ?? new Set()
    const step = steps.find((s) =>
      [...s.ids, ...s.removed, ...Object.keys(s.replaced), ...Object.values(s.replaced)].some((id) => ids.has(id)),
    )
    if (step) c.cause = `streamlining step ${step.op}${step.by ? ` by ${step.by}` : ''} (${step.ids.join(', ')})`
  }
}
