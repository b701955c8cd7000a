/**
 * Pairs square brackets across the whole text and groups the pairs: `][`
 * makes alternatives of one group, a lone pair is optional text. A pair that
 * opens in one block and closes in another still pairs; the builder turns it
 * into start/end markers. Brackets with no partner stay text, with a diagnostic.
 */
import type { Diagnostic } from './diagnostic.ts'
import type { BracketGroupRec, BracketToken, Run } from './scan.ts'

/**
 * Brackets nested deeper than this become start/end markers, as brackets that
 * span blocks do: the document's depth stays bounded whatever the text's (10,000
 * levels import without recursion that deep, here or in y-prosemirror).
 */
export const INLINE_DEPTH = 32

/** Counters that hand out the importer's stable ids. */
export interface IdSource {
  next(prefix: string): string
}

/** Pair the brackets of `runs` (in document order); unpaired ones are reported. */
export function pairBrackets(runs: Run[], diagnostics: Diagnostic[]): void {
  let stack: BracketToken[] = []
  for (const run of runs) {
    if (run.barrier && stack.some((t) => !t.run.heading)) {
      // A bracket opened in running text does not reach past an article's (or higher) heading: it was never closed.
      for (const open of stack) if (!open.run.heading) unclosed(open, diagnostics)
      stack = stack.filter((t) => t.run.heading)
    }
    for (const t of run.tokens) {
      if (t.kind === 'open') {
        t.depth = stack.length
        stack.push(t)
      } else if (t.kind === 'close') {
        const open = stack.pop()
        if (open) {
          open.mate = t
          t.mate = open
          t.depth = open.depth
        } else {
          diagnostics.push({
            line: t.line + 1,
            column: t.col + 1,
            message: "']' closes no open bracket: kept as text",
            hint: "Add the missing '[' where the bracketed text starts, or delete this ']'.",
          })
        }
      }
    }
  }
  for (const open of stack) unclosed(open, diagnostics)
}

function unclosed(open: BracketToken, diagnostics: Diagnostic[]): void {
  diagnostics.push({
    line: open.line + 1,
    column: open.col + 1,
    message: "'[' is never closed: kept as text",
    hint: "Add the missing ']' where the bracketed text ends, or delete this '['.",
  })
}

/** Form the groups of paired brackets (after `pairBrackets`, once blocks are final): `][` joins alternatives. */
export function formGroups(runs: Run[], ids: IdSource): BracketGroupRec[] {
  const groups: BracketGroupRec[] = []
  for (const run of runs) {
    const tokens = run.tokens
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]
      if (open.kind !== 'open' || !open.mate) continue
      const prev = tokens[i - 1]
      let group: BracketGroupRec
      if (prev?.kind === 'close' && prev.mate && prev.group && prev.line === open.line && prev.col + 1 === open.col) {
        group = prev.group
      } else {
        group = { id: ids.next('g'), alts: [], inline: true, guess: null }
        groups.push(group)
      }
      const close = open.mate
      open.group = close.group = group
      open.alt = close.alt = group.alts.length
      group.alts.push({ open, close, id: `${group.id}.${group.alts.length + 1}` })
      if (close.run !== run || open.depth >= INLINE_DEPTH) group.inline = false
    }
  }
  markSeparatedGuesses(runs)
  return groups
}

// `[a] [b]` or `[a]^a [b]`: alternatives split by a space or a footnote marker,
// or two independent optional texts? The importer reads them as independent
// and says it guessed, so a co-chair (or an annotation) can regroup them.
function markSeparatedGuesses(runs: Run[]): void {
  for (const run of runs) {
    const tokens = run.tokens
    for (let i = 0; i < tokens.length; i++) {
      const close = tokens[i]
      if (close.kind !== 'close' || !close.group) continue
      let j = i + 1
      while (j < tokens.length && isFiller(tokens[j])) j++
      const next = tokens[j]
      if (j > i + 1 && next?.kind === 'open' && next.group && next.group !== close.group) {
        const guess = 'separate brackets read as independent; regroup them if they are alternatives'
        close.group.guess = next.group.guess = guess
      }
    }
  }
}

function isFiller(t: Run['tokens'][number]): boolean {
  return (t.kind === 'text' && /^ {1,2}$/.test(t.text)) || t.kind === 'ref'
}
