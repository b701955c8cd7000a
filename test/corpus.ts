/**
 * The real negotiating texts in `../shared/corpus` beside the checkout. A git
 * worktree sits deeper than the main checkout, so the folder is looked for in
 * each ancestor of the repository; a missing corpus fails the test that needs it.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './server/server-fixture.ts'

/** The path of corpus file `name`. */
export function corpusFile(name: string): string {
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    const candidate = path.resolve(dir, '../shared/corpus', name)
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error(`corpus file ${name} not found beside ${repoRoot}`)
  }
}

/** The CMA 6 Article 6.2 working file: a real .docx with comments, tracked changes, notes and tables. */
export const cma6Docx = corpusFile('cma6_art6-2_draft_decision_party_inputs_2024.docx')

/**
 * What importing the CMA 6 file makes: 160 body paragraphs (179 at the top level, 19 without text,
 * counted with Python's ElementTree), 95 comments of which 93 name a Party or group (read by hand),
 * 26 + 20 insertions and 25 + 20 deletions (document.xml + endnotes.xml, counted in the XML),
 * 4 footnotes, 14 endnotes, 8 tables.
 */
export const cma6ImportCounts = {
  paragraphs: 160,
  comments: 95,
  commentsWithParty: 93,
  insertions: 46,
  deletions: 45,
  footnotes: 4,
  endnotes: 14,
  tables: 8,
}
