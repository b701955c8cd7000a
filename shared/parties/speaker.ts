/**
 * The Party or group a note speaks for, read from its opening words the way
 * note-takers write them in Word comments: `Norway: …`, `U.S, Canada, Japan:
 * …`, `LMDC, Pakistan against …`, `US Further work required`, `16 Nov – IC /
 * EU: …` (a date and meeting first), `[EI perspectives]CfRN: …` (a tag first).
 * Names are matched against the roster of Parties and groups; abbreviations
 * of three letters or fewer (`US`, `UK`, `CH`, `CAN`, `EU`) only as capitals,
 * so "us" or "can" is never a Party. A name glued to the next word by a
 * slip (`EIGRequire`, `Grupo Surconcerned`) and a one-letter slip in a long
 * name (`Groupo Sur`) are still read. Anything else names no one.
 */
import type { Roster, Speaker } from './roster.ts'

export type { Speaker }

/** The speaker of a note and every Party or group its opening names. */
export interface SpeakerReading {
  speaker: Speaker | null
  named: Speaker[]
}

interface Candidate {
  /** The name as matched (accents folded; lower case unless case-sensitive). */
  key: string
  caseSensitive: boolean
  multiWord: boolean
  acronym: boolean
  speaker: Speaker
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?'
const PREFIX = new RegExp(
  [
    '^(?:',
    `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`,
    '(?:\\s*[–—-]\\s*[A-Za-z][\\w ]{0,20}?)?\\s*(?:[/:\\n]|[–—-](?=\\s))',
    '|\\[[^\\]\\n]{0,60}\\]',
    ')\\s*',
  ].join(''),
)
const SEPARATOR = /^\s*(?:,|&|\+|\/|\band\b)\s*/
const LEADING = /^[\s\-–—•*"“'‘(]+/

// Each roster's names, indexed once.
const indexes = new WeakMap<Roster, Map<string, Candidate[]>>()

/** Read who `text` (a comment's body) speaks for among the Parties and groups of `roster`. */
export function readSpeaker(text: string, roster: Roster): SpeakerReading {
  let index = indexes.get(roster)
  if (!index) indexes.set(roster, (index = buildCandidates(roster)))
  let rest = fold(text.slice(0, 300)).replace(LEADING, '')
  for (let i = 0; i < 3; i++) {
    const m = PREFIX.exec(rest)
    if (!m || !m[0]) break
    rest = rest.slice(m[0].length).replace(LEADING, '')
  }
  const named: Speaker[] = []
  for (;;) {
    const match = nameAt(rest, index)
    if (!match) break
    if (!named.some((s) => s.kind === match.speaker.kind && s.name === match.speaker.name)) named.push(match.speaker)
    rest = rest.slice(match.length)
    const sep = SEPARATOR.exec(rest)
    if (!sep) break
    rest = rest.slice(sep[0].length)
  }
  return { speaker: named[0] ?? null, named }
}

// The longest roster name at the start of `text`, and how many characters it took.
function nameAt(text: string, index: Map<string, Candidate[]>): { speaker: Speaker; length: number } | undefined {
  const lower = text.toLowerCase()
  let best: { speaker: Speaker; length: number } | undefined
  for (const c of index.get(lower[0]) ?? []) {
    if (best && c.key.length <= best.length) break
    const hit = c.caseSensitive ? text.startsWith(c.key) : lower.startsWith(c.key)
    if (hit && boundaryAfter(text, c.key.length, c)) best = { speaker: c.speaker, length: c.key.length }
  }
  if (best) return best
  // One slip in a long name: "Groupo Sur" for "Grupo Sur".
  for (const list of index.values()) {
    for (const c of list) {
      if (c.key.length < 8 || c.caseSensitive) continue
      for (const length of [c.key.length - 1, c.key.length + 1]) {
        if (length > lower.length || !boundaryAfter(text, length, c)) continue
        if (withinOneEdit(lower.slice(0, length), c.key)) return { speaker: c.speaker, length }
      }
    }
  }
  return undefined
}

function boundaryAfter(text: string, at: number, c: Candidate): boolean {
  const next = text[at]
  if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) return true
  // A slip that glued the name to the next word.
  if (c.multiWord && /\p{Ll}/u.test(next)) return true
  return c.acronym && /\p{Lu}/u.test(next) && /\p{Ll}/u.test(text[at + 1] ?? '')
}

function buildCandidates(roster: Roster): Map<string, Candidate[]> {
  const all: Candidate[] = []
  const add = (name: string, speaker: Speaker) => {
    const folded = fold(name)
    const letters = folded.replace(/[.\s]/g, '')
    const caseSensitive = letters.length <= 3
    all.push({
      key: caseSensitive ? folded : folded.toLowerCase(),
      caseSensitive,
      multiWord: /\s/.test(folded),
      acronym: /^[A-Z0-9]{2,}$/.test(letters),
      speaker,
    })
  }
  const groups = roster.groups.groups
  for (const g of groups) for (const n of new Set([g.id, g.name, ...g.aliases])) add(n, { kind: 'group', name: g.name })
  // A Party that is also a group (the EU) is read as the group, which carries the Party.
  const groupNames = new Set(groups.flatMap((g) => [g.id, g.name, ...g.aliases].map((n) => fold(n).toLowerCase())))
  for (const p of roster.parties.parties)
    for (const n of new Set([p.name, p.unName, ...p.aliases]))
      if (!groupNames.has(fold(n).toLowerCase())) add(n, { kind: 'party', name: p.name })
  const index = new Map<string, Candidate[]>()
  for (const c of all) {
    const first = c.key[0].toLowerCase()
    if (!index.has(first)) index.set(first, [])
    index.get(first)!.push(c)
  }
  for (const list of index.values()) list.sort((a, b) => b.key.length - a.key.length)
  return index
}

// Accents and apostrophe shapes folded, so "Türkiye", "Cote d’Ivoire" match their roster spellings.
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\u00a0/g, ' ')
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
