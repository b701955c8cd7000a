/**
 * Annotations correct or confirm the importer's guesses for one text: they
 * regroup brackets the importer read as independent (`alternatives`), split a
 * group it read as alternatives or confirm separate brackets (`independent`),
 * and say whether a capital letter is a placeholder (`placeholder`, `text`). They live
 * beside the text (a template's `annotations.json`) so the text stays verbatim.
 *
 * Each names its place by line (1-based) and a quote of the text there; the
 * quote must be found on that line, so an annotation never silently drifts.
 */
import type { Diagnostic } from './diagnostic.ts'
import type { IdSource } from './brackets.ts'
import type { BracketGroupRec } from './scan.ts'

/** One correction. `nth` picks among several occurrences of `text` on the line (1-based). */
export interface Annotation {
  kind: 'alternatives' | 'independent' | 'placeholder' | 'text'
  line: number
  text: string
  nth?: number
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
    const { kind, line, text, nth, why } = a as Record<string, unknown>
    if (kind !== 'alternatives' && kind !== 'independent' && kind !== 'placeholder' && kind !== 'text') {
      throw new Error(
        `${where}.kind: expected "alternatives", "independent", "placeholder" or "text", got ${JSON.stringify(kind)}`,
      )
    }
    if (!Number.isInteger(line) || (line as number) < 1) throw new Error(`${where}.line: expected a line number from 1`)
    if (typeof text !== 'string' || text === '')
      throw new Error(`${where}.text: expected the quoted text at that place`)
    if (nth !== undefined && (!Number.isInteger(nth) || (nth as number) < 1))
      throw new Error(`${where}.nth: expected an occurrence number from 1`)
    return {
      kind,
      line: line as number,
      text,
      nth: nth as number | undefined,
      why: typeof why === 'string' ? why : undefined,
    }
  })
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
    const from = locate(a, lines)
    if (from < 0) {
      diagnostics.push({
        line: a.line,
        column: 1,
        message: `annotation (${a.kind}): ${JSON.stringify(a.text)} is not on line ${a.line}${a.nth ? ` ${a.nth} times` : ''}`,
        hint: 'Quote the text exactly as it stands on that line, or fix the line number.',
      })
      continue
    }
    const to = from + a.text.length
    const line = a.line - 1
    if (a.kind === 'placeholder' || a.kind === 'text') {
      const letter = a.text.search(/[A-Z]/)
      overrides.set(`${line}:${from + Math.max(letter, 0)}`, a.kind === 'placeholder')
      continue
    }
    const found = topLevelGroups(groups, line, from, to)
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

function locate(a: Annotation, lines: string[]): number {
  const text = lines[a.line - 1]
  if (text === undefined) return -1
  let at = -1
  for (let n = 0; n < (a.nth ?? 1); n++) {
    at = text.indexOf(a.text, at + 1)
    if (at < 0) return -1
  }
  return at
}

// Groups whose brackets all lie in [from, to) of `line`, outermost only.
function topLevelGroups(groups: BracketGroupRec[], line: number, from: number, to: number): BracketGroupRec[] {
  const inside = groups.filter((g) => {
    const first = g.alts[0].open
    const last = g.alts[g.alts.length - 1].close
    return first.line === line && last.line === line && first.col >= from && last.col < to
  })
  inside.sort((x, y) => x.alts[0].open.col - y.alts[0].open.col)
  const top: BracketGroupRec[] = []
  for (const g of inside) {
    const outer = top[top.length - 1]
    if (outer && g.alts[0].open.col < outer.alts[outer.alts.length - 1].close.col) continue
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
