/**
 * The texts the importer is tried on: the real ones of `../shared/corpus` (read
 * as found, never edited) and our own in the three shapes real texts come in
 * (fixtures/shapes: PDF-extracted and hard-wrapped, Markdown, one paragraph per
 * line from Word).
 */
import { readFileSync } from 'node:fs'
import { corpusFile } from '../corpus.ts'

/** A text by name: `corpus/…` from ../shared, `shapes/…` from our fixtures. */
export function readText(name: string): string {
  if (name.startsWith('corpus/')) return readFileSync(corpusFile(name.slice('corpus/'.length)), 'utf8')
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}

/** The corpus texts in plain text or Markdown (the .docx is the DOCX reader's). */
export const CORPUS_TEXTS = [
  'corpus/bbnj_further_revised_draft_2022-06-01.txt',
  'corpus/bbnj_draft_agreement_final_2023-03-04.txt',
  'corpus/adp_draft_paris_agreement_2015-12-09.md',
]

/**
 * Our own texts, one per shape, and a decision whose options sit in lettered
 * subparagraphs (bracketed labels, options glued to `(c)`, a page header mid-text).
 */
export const OWN_TEXTS = [
  'shapes/wrapped-draft.txt',
  'shapes/markdown-draft.md',
  'shapes/word-draft.txt',
  'shapes/decision-subparagraphs.txt',
]
