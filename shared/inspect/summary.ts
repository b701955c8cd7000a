/**
 * What a text holds, in numbers: the figures `accord inspect` prints and the
 * bracket counter shows. Groups with two or more alternatives are bracket
 * groups; a group with one is an optional bracket. Groups that span blocks
 * (start/end markers) count like inline ones.
 */
import type { Node } from 'prosemirror-model'
import type { Diagnostic } from '../import/diagnostic.ts'

/** Counts of a document's structure. */
export interface TextSummary {
  articles: number
  sections: number
  options: number
  bracketGroups: number
  alternatives: number
  optionalBrackets: number
  blanks: number
  editorialNotes: number
  /** Distinct placeholder names, sorted. */
  placeholders: string[]
  placeholderOccurrences: number
  footnotes: number
  footnoteRefs: number
  tables: number
  partyRows: number
  /** Deepest bracket nesting (1 for a bracket inside no other). */
  maxDepth: number
  /** Groups the importer guessed (space-separated brackets, slash alternatives). */
  guesses: number
  diagnostics: Diagnostic[]
}

/** Count the structure of `doc`. */
export function summarize(doc: Node, diagnostics: Diagnostic[] = []): TextSummary {
  const s: TextSummary = {
    articles: 0,
    sections: 0,
    options: 0,
    bracketGroups: 0,
    alternatives: 0,
    optionalBrackets: 0,
    blanks: 0,
    editorialNotes: 0,
    placeholders: [],
    placeholderOccurrences: 0,
    footnotes: 0,
    footnoteRefs: 0,
    tables: 0,
    partyRows: 0,
    maxDepth: 0,
    guesses: 0,
    diagnostics,
  }
  const names = new Set<string>()
  const spanning = new Map<string, Set<string>>()
  let open = 0 // brackets that span blocks, currently open
  const groupCounted = (alts: number) => {
    if (alts >= 2) {
      s.bracketGroups++
      s.alternatives += alts
    } else s.optionalBrackets++
  }
  const walk = (node: Node, depth: number): void => {
    switch (node.type.name) {
      case 'article':
        s.articles++
        break
      case 'section':
        s.sections++
        break
      case 'option':
        s.options++
        break
      case 'table':
        s.tables++
        break
      case 'table_row':
        if (node.attrs.party) s.partyRows++
        break
      case 'footnote':
        s.footnotes++
        break
      case 'footnote_ref':
        s.footnoteRefs++
        break
      case 'blank':
        s.blanks++
        break
      case 'editorial_note':
        s.editorialNotes++
        break
      case 'placeholder':
        s.placeholderOccurrences++
        names.add(node.attrs.name)
        break
      case 'bracket_group':
        groupCounted(node.childCount - countSeparators(node))
        if (node.attrs.guess) s.guesses++
        depth++
        s.maxDepth = Math.max(s.maxDepth, open + depth)
        break
      case 'bracket_start': {
        const alts = spanning.get(node.attrs.group) ?? new Set<string>()
        spanning.set(node.attrs.group, alts.add(node.attrs.alt))
        open++
        s.maxDepth = Math.max(s.maxDepth, open + depth)
        break
      }
      case 'bracket_end':
        open--
        break
    }
    node.forEach((child) => walk(child, depth))
  }
  walk(doc, 0)
  for (const alts of spanning.values()) groupCounted(alts.size)
  s.placeholders = [...names].sort()
  return s
}

function countSeparators(group: Node): number {
  let n = 0
  group.forEach((c) => {
    if (c.type.name === 'separator') n++
  })
  return n
}
