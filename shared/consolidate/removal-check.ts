/**
 * A consolidation may remove only what a decision rejects. Before a
 * consolidated text leaves Accord, this check reads the text as negotiated
 * (what the document serializes to) and the scenario on its own
 * (`rejected-text.ts`), takes out what the decisions reject, and requires every
 * word left to be in the consolidated text, in order. Words are runs of letters
 * and digits: spacing and punctuation a consolidation mends do not count;
 * footnote markers are renumbered and numbered footnote bodies move to their
 * references, so they are checked apart (all of them: a second body under a
 * label stays in place, but is a footnote body of the consolidated text too). A word the consolidation lost that no
 * decision rejects refuses the export, naming the decision next to it and every
 * such word with its line and column.
 */
import { diffChars } from 'diff'
import type { Node } from 'prosemirror-model'
import type { Scenario } from '../model/scenario.ts'
import { writeText } from '../serialize/plain.ts'
import { readRejections, type ReadingOptions, type Rejection, type TextReading } from './rejected-text.ts'

/** A word, where it stands in the text as negotiated. */
export interface PlacedWord {
  word: string
  line: number
  column: number
}

/** Words a consolidation would remove that no decision rejects, by the decision nearest them. */
export interface RemovalFinding {
  /** The decision next to the words (`o5`, `g12`), or `consolidation` when none is. */
  decision: string
  words: PlacedWord[]
  message: string
}

/** An export refused because the consolidated text would lose words no decision rejects. */
export class ConsolidationRefused extends Error {
  constructor(readonly findings: RemovalFinding[]) {
    super(
      `consolidation refused: ${findings.map((f) => f.message).join('; ')}. ` +
        'No decision rejects these words; review where the options concerned end (annotations "option-end", "run-end") and consolidate again.',
    )
  }
}

interface Token {
  key: string
  offset: number
}

const WORD = /[\p{L}\p{N}]+/gu
// Past this many differing words, aligning is not worth its time: the texts are far apart.
const MAX_EDITS = 2000
// Far apart, how many words a consolidation may add in one place (a value, a row's computed cells).
const LOOKAHEAD = 64

/** The words `consolidated` lost from `doc` that no decision of `scenario` rejects (none: it may be issued). */
export function checkRemovals(
  doc: Node,
  scenario: Scenario,
  consolidated: Node,
  options: ReadingOptions = {},
): RemovalFinding[] {
  const reading = readRejections(doc, scenario, options)
  const findings: RemovalFinding[] = reading.mismatches.map((m) => ({
    decision: m.decision,
    words: [],
    message: `${m.message} (line ${reading.map.position(m.offset).line})`,
  }))
  const expected = remainingWords(reading)
  const after = consolidatedWords(consolidated)
  const missing = missingTokens(expected.main, after.main)
  // Footnote bodies that stay must be found among the consolidated ones, word for word.
  const bodyWords = new Map<string, number>()
  for (const t of after.bodies) bodyWords.set(t.key, (bodyWords.get(t.key) ?? 0) + 1)
  for (const t of expected.bodies) {
    const n = bodyWords.get(t.key) ?? 0
    if (n > 0) bodyWords.set(t.key, n - 1)
    else missing.push(t)
  }
  missing.sort((a, b) => a.offset - b.offset)
  findings.push(...group(missing, reading))
  return findings
}

/** Throw `ConsolidationRefused` when `consolidated` lost words no decision rejects. */
export function refuseUnrejectedRemovals(
  doc: Node,
  scenario: Scenario,
  consolidated: Node,
  options: ReadingOptions = {},
): void {
  const findings = checkRemovals(doc, scenario, consolidated, options)
  if (findings.length) throw new ConsolidationRefused(findings)
}

/** The words of the text as negotiated that no decision takes out: in the text, and in kept footnote bodies. */
function remainingWords(reading: TextReading): { main: Token[]; bodies: Token[] } {
  const text = reading.map.text
  const marks = reading.marks
  const inBody = new Uint8Array(text.length)
  for (const b of reading.bodies) inBody.fill(b.kept ? 2 : 1, b.from, b.to)
  const main: Token[] = []
  const bodies: Token[] = []
  // Characters taken out join what stood on either side: `a[n]` kept is `an`.
  let key = ''
  let start = -1
  let inKeptBody = false
  const flush = () => {
    if (key) (inKeptBody ? bodies : main).push({ key, offset: start })
    key = ''
    start = -1
  }
  for (let i = 0; i < text.length; i++) {
    if (marks[i] || inBody[i] === 1) continue
    if (isWordChar(text.charCodeAt(i))) {
      // A footnote body's words are its own, even where what stood between was taken out.
      if (key && (inBody[i] === 2) !== inKeptBody) flush()
      if (!key) {
        start = i
        inKeptBody = inBody[i] === 2
      }
      key += text[i]
    } else flush()
  }
  flush()
  return { main, bodies }
}

/** The words of the consolidated text, footnote markers aside; the words of its numbered footnote bodies apart. */
function consolidatedWords(doc: Node): { main: Token[]; bodies: Token[] } {
  const main: string[] = []
  const bodies: string[] = []
  let skip = 0
  let body = 0
  writeText(doc, {
    text(s) {
      if (!skip) (body ? bodies : main).push(s)
    },
    enter(node) {
      const name = node.type.name
      if (name === 'footnote_ref' || (name === 'label' && node.attrs.kind === 'footnote')) skip++
      if (name === 'footnote' && node.attrs.kind === 'numbered') body++
    },
    leave(node) {
      const name = node.type.name
      if (name === 'footnote_ref' || (name === 'label' && node.attrs.kind === 'footnote')) skip--
      // One body's last word and the next one's first are two words.
      if (name === 'footnote' && node.attrs.kind === 'numbered' && --body === 0) bodies.push(' ')
    },
  })
  const tokens = (parts: string[]) => [...parts.join('').matchAll(WORD)].map((m) => ({ key: m[0], offset: m.index! }))
  return { main: tokens(main), bodies: tokens(bodies) }
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) || (c >= 0xd800 && c <= 0xdfff)
}

/**
 * The tokens of `before` with letters that have no counterpart in `after`, in order.
 * The words are compared letter by letter (the letters and digits of each side, run
 * together): taking brackets out joins words the consolidated text may keep apart on
 * two lines (`x` ⏎ `emissions` for the text's `x[…]emissions`), and such a word is not
 * lost. The alignment (Myers') is quick when the two differ little, as a correct
 * consolidation's do (a value, a computed cell). Far apart, it would take too long:
 * the words of `before` are then matched greedily, looking a little ahead.
 */
function missingTokens(before: Token[], after: Token[]): Token[] {
  const from = before.map((t) => t.key).join('')
  const to = after.map((t) => t.key).join('')
  if (from === to) return []
  const changes = diffChars(from, to, { maxEditLength: MAX_EDITS })
  const out: Token[] = []
  if (changes) {
    // Walk `before`'s letters beside the changes: a token with a letter removed is missing.
    let token = 0
    let tokenEnd = before.length ? before[0].key.length : 0
    let at = 0
    for (const c of changes) {
      if (c.added) continue
      const end = at + c.value.length
      if (c.removed)
        for (let i = at; i < end; i++) {
          while (i >= tokenEnd) tokenEnd += before[++token].key.length
          if (out[out.length - 1] !== before[token]) out.push(before[token])
        }
      at = end
    }
    return out
  }
  let j = 0
  for (const t of before) {
    const limit = Math.min(after.length, j + LOOKAHEAD)
    let k = j
    while (k < limit && after[k].key !== t.key) k++
    if (k < limit) j = k + 1
    else out.push(t)
  }
  return out
}

// Missing words in runs (no word that stays between them), each named by the decision just before it.
function group(missing: Token[], reading: TextReading): RemovalFinding[] {
  const findings: RemovalFinding[] = []
  const rejected = reading.rejected
  let run: Token[] = []
  const close = () => {
    if (!run.length) return
    const decision = nearestDecision(rejected, run[0].offset)
    const words = run.map((t) => ({ word: t.key, ...reading.map.position(t.offset) }))
    const first = words[0]
    const last = words[words.length - 1]
    const quote =
      words.length <= 8
        ? words.map((w) => w.word).join(' ')
        : `${words
            .slice(0, 4)
            .map((w) => w.word)
            .join(' ')} … ${words
            .slice(-3)
            .map((w) => w.word)
            .join(' ')}`
    findings.push({
      decision: decision?.decision ?? 'consolidation',
      words,
      message: `${decision ? describe(decision) : 'the consolidation'} would remove ${words.length} word${words.length === 1 ? '' : 's'} no decision rejects, from line ${first.line}, column ${first.column} to line ${last.line}, column ${last.column}: "${quote}"`,
    })
    run = []
  }
  const text = reading.map.text
  for (const t of missing) {
    const prev = run[run.length - 1]
    if (prev && !onlyRemovedBetween(text, reading.marks, prev.offset + prev.key.length, t.offset)) close()
    run.push(t)
  }
  close()
  return findings
}

// Whether every word between `from` and `to` is taken out or missing too (the run goes on).
function onlyRemovedBetween(text: string, marks: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!marks[i] && isWordChar(text.charCodeAt(i))) return false
  return true
}

function nearestDecision(rejected: Rejection[], offset: number): Rejection | undefined {
  let best: Rejection | undefined
  for (const r of rejected) {
    if (r.from > offset) break
    if (!best || r.to >= best.to) best = r
  }
  return best ?? rejected.find((r) => r.from > offset)
}

function describe(r: Rejection): string {
  switch (r.kind) {
    case 'option':
      return `dropping option ${r.decision}`
    case 'label':
      return `choosing option ${r.decision}`
    case 'heading':
      return `dropping every option of ${r.decision}`
    case 'placeholder':
      return `the value of ${r.decision}`
    case 'table':
      return 'joining a table continued across pages'
    case 'note':
      return `dropping the table note ${r.decision}, whose references went`
    default:
      return `resolving ${r.decision}`
  }
}
