/**
 * `accord inspect FILE [--annotations A.json] [--outline]`: structure counts,
 * diagnostics and the importer's guesses as JSON; with `--outline`, one entry
 * per option, bracket group, optional bracket, placeholder, footnote and
 * heading, with its id and place (how a reader finds "Option 2 of paragraph 4").
 * For a Word document the counts add what Word carried: comments (and how many name a
 * Party or group), tracked insertions and deletions, and the reader's own diagnostics.
 */
import { docxCounts } from '../../shared/document/docx-document.ts'
import { readRoster } from '../templates/read-template.ts'
import { importText } from '../../shared/import/index.ts'
import { structureOutline } from '../../shared/inspect/structure-outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { parseArguments } from './arguments.ts'
import { readTextSource } from './text-source.ts'

const USAGE = 'usage: accord inspect FILE [--annotations A.json] [--outline]'

/** Runs `accord inspect`. */
export async function inspectCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['annotations'], ['outline'])
    if (positionals.length !== 1) throw new Error(USAGE)
    const { text, annotations, docx } = await readTextSource(
      positionals[0],
      options.get('annotations') as string | undefined,
    )
    const { doc, diagnostics, guesses } = importText(text, { annotations })
    const all = docx
      ? [...docx.diagnostics, ...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column)
      : diagnostics
    const { diagnostics: listed, ...counts } = summarize(doc, all)
    const word = docx
      ? (({ comments, commentsWithParty, insertions, deletions }) => ({
          comments,
          commentsWithParty,
          insertions,
          deletions,
        }))(docxCounts(docx, readRoster()))
      : {}
    const report = {
      ...counts,
      ...word,
      diagnostics: listed,
      guessed: guesses,
      ...(options.has('outline') ? { outline: structureOutline(doc) } : {}),
    }
    process.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord inspect: ${(e as Error).message}\n`)
    return 2
  }
}
