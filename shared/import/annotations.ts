/**
 * Annotations correct or confirm the importer's guesses for one text: they
 * regroup brackets the importer read as independent (`alternatives`, also two
 * brackets on different lines with `through`), split a group it read as
 * alternatives or confirm separate brackets (`independent`), say whether a
 * capital letter is a placeholder (`placeholder`, `text`), and correct the
 * option structure (`option`, `not-option`, `option-end`, `run-end`: see
 * `structure-corrections.ts`). They live beside the text (a template's
 * `annotations.json`) or in the document, so the text stays verbatim.
 *
 * Each names its place by line (1-based) and a quote of the text there; the
 * quote must be found on that line, so an annotation never silently drifts.
 */
import type { Diagnostic } from './diagnostic.ts'
import type { IdSource } from './brackets.ts'
import type { BracketGroupRec } from './scan.ts'

/** The kinds of correction, each once. */
export const ANNOTATION_KINDS = [
  'alternatives',
  'independent',
  'placeholder',
  'text',
  'option',
  'not-option',
  'option-end',
  'run-end',
] as const

/** A place in the text: a line (1-based) and a quote of it; `nth` picks among several occurrences (1-based). */
export interface AnnotationPlace {
  line: number
  text: string
  nth?: number
}

/** One correction. */
export interface Annotation extends AnnotationPlace {
  kind: (typeof ANNOTATION_KINDS)[number]
  /** For `alternatives`: where the last bracket ends, when the brackets stand on different lines. */
  through?: AnnotationPlace
  /** Why: kept for the reader, never interpreted. */
  why?: string
}

/** Placeholder decisions by `line:column` (0-based), from annotations. */
export type PlaceholderOverrides = Map<string, boolean>

/** Check the shape of parsed JSON as an annotation list; errors name the entry and field. */
export function readAnnotations(value: unknown): Annotation[] {
  const list = (value as { annotations?: unknown })?.annotations
  if (!Array.isArray(list)) throw new Error('annotations: expected an object with an "annotations" array')
  return list.map((a, i) => {
    const where = `annotations[${i}]`
    if (!a || typeof a !== 'object') throw new Error(`${where}: expected an object`)
    const { kind, why, through } = a as Record<string, unknown>
    if (!ANNOTATION_KINDS.includes(kind as Annotation['kind'])) {
      throw new Error(
        `${where}.kind: expected one of ${ANNOTATION_KINDS.map((k) => JSON.stringify(k)).join(', ')}, got ${JSON.stringify(kind)}`,
      )
    }
    const out: Annotation = { kind: kind as Annotation['kind'], ...readPlace(a, where) }
    if (through !== undefined) {
      if (kind !== 'alternatives') throw new Error(`${where}.through: only "alternatives" spans lines`)
      out.through = readPlace(through, `${where}.through`)
    }
    out.why = typeof why === 'string' ? why : undefined
    return out
  })
}

function readPlace(value: unknown, where: string): AnnotationPlace {
  if (!value || typeof value !== 'object') throw new Error(`${where}: expected an object with "line" and "text"`)
  const { line, text, nth } = value as Record<string, unknown>
  if (!Number.isInteger(line) || (line as number) < 1) throw new Error(`${where}.line: expected a line number from 1`)
  if (typeof text !== 'string' || text === '') throw new Error(`${where}.text: expected the quoted text at that place`)
  if (nth !== undefined && (!Number.isInteger(nth) || (nth as number) < 1))
    throw new Error(`${where}.nth: expected an occurrence number from 1`)
  return { line: line as number, text, nth: nth as number | undefined }
}

/**
 * The column (0-based) where `place`'s quote stands on its line, or -1 with a
 * diagnostic saying so.
 */
export function locateAnnotation(
  place: AnnotationPlace & { kind?: string },
  lines: string[],
  diagnostics: Diagnostic[],
): number {
  const text = lines[place.line - 1]
  let at = -1
  if (text !== undefined)
    for (let n = 0; n < (place.nth ?? 1); n++) {
      at = text.indexOf(place.text, at + 1)
      if (at < 0) break
    }
  if (at < 0)
    diagnostics.push({
      line: place.line,
      column: 1,
      message: `annotation${place.kind ? ` (${place.kind})` : ''}: ${JSON.stringify(place.text)} is not on line ${place.line}${place.nth ? ` ${place.nth} times` : ''}`,
      hint: 'Quote the text exactly as it stands on that line, or fix the line number.',
    })
  return at
}

/** Apply bracket annotations to `groups` (in place) and collect placeholder decisions. */
export function applyAnnotations(
  annotations: Annotation[],
  lines: string[],
  groups: BracketGroupRec[],
  ids: IdSource,
  diagnostics: Diagnostic[],
): PlaceholderOverrides {
  const overrides: PlaceholderOverrides = new Map()
  for (const a of annotations) {
    if (a.kind !== 'alternatives' && a.kind !== 'independent' && a.kind !== 'placeholder' && a.kind !== 'text') continue
    const from = locateAnnotation(a, lines, diagnostics)
    if (from < 0) continue
    const line = a.line - 1
    if (a.kind === 'placeholder' || a.kind === 'text') {
      const letter = /[A-Z]/.test(a.text) ? a.text.search(/[A-Z]/) : a.text.search(/[a-z]/)
      overrides.set(`${line}:${from + Math.max(letter, 0)}`, a.kind === 'placeholder')
      continue
    }
    let end = { line, col: from + a.text.length }
    if (a.through) {
      const at = locateAnnotation({ ...a.through, kind: a.kind }, lines, diagnostics)
      if (at < 0) continue
      end = { line: a.through.line - 1, col: at + a.through.text.length }
    }
    const found = topLevelGroups(groups, { line, col: from }, end)
    const fail = (message: string) =>
      diagnostics.push({
        line: a.line,
        column: from + 1,
        message: `annotation (${a.kind}): ${message}`,
        hint: 'Quote the whole brackets concerned.',
      })
    if (a.kind === 'alternatives') {
      if (found.length < 2) fail(`needs two or more bracket groups in ${JSON.stringify(a.text)}, found ${found.length}`)
      else mergeGroups(found, groups)
    } else if (found.length >= 2) {
      // Separate groups confirmed as independent: the guess is settled.
      for (const g of found) g.guess = null
    } else if (found.length === 1 && found[0].alts.length >= 2) {
      splitGroup(found[0], groups, ids)
    } else {
      fail(`needs a group of alternatives, or two or more groups, in ${JSON.stringify(a.text)}`)
    }
  }
  return overrides
}

type Position = { line: number; col: number }
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.col < b.col)

// Groups whose brackets all lie in [from, to), outermost only.
function topLevelGroups(groups: BracketGroupRec[], from: Position, to: Position): BracketGroupRec[] {
  const inside = groups.filter((g) => {
    const first = g.alts[0].open
    const last = g.alts[g.alts.length - 1].close
    return !before(first, from) && before(last, to)
  })
  inside.sort((x, y) => (before(x.alts[0].open, y.alts[0].open) ? -1 : 1))
  const top: BracketGroupRec[] = []
  for (const g of inside) {
    const outer = top[top.length - 1]
    if (outer && before(g.alts[0].open, outer.alts[outer.alts.length - 1].close)) continue
    top.push(g)
  }
  return top
}

function mergeGroups(found: BracketGroupRec[], groups: BracketGroupRec[]): void {
  const target = found[0]
  target.alts = found.flatMap((g) => g.alts)
  target.inline = found.every((g) => g.inline) && found.every((g) => g.alts[0].open.run === target.alts[0].open.run)
  target.guess = null
  renumber(target)
  for (const g of found.slice(1)) groups.splice(groups.indexOf(g), 1)
}

function splitGroup(group: BracketGroupRec, groups: BracketGroupRec[], ids: IdSource): void {
  const at = groups.indexOf(group)
  const parts = group.alts.map((alt, k) => {
    const g: BracketGroupRec = k === 0 ? group : { id: ids.next('g'), alts: [], inline: group.inline, guess: null }
    g.alts = [alt]
    g.guess = null
    renumber(g)
    return g
  })
  groups.splice(at + 1, 0, ...parts.slice(1))
}

function renumber(group: BracketGroupRec): void {
  group.alts.forEach((alt, k) => {
    alt.id = `${group.id}.${k + 1}`
    alt.open.group = alt.close.group = group
    alt.open.alt = alt.close.alt = k
  })
}
