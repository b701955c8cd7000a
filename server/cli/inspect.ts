/**
 * `accord inspect FILE [--annotations A.json]`: structure counts and diagnostics as JSON.
 * For a Word document the counts add what Word carried: comments (and how many name a
 * Party or group), tracked insertions and deletions, and the reader's own diagnostics.
 */
import { docxCounts } from '../../shared/document/docx-document.ts'
import { importText } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { parseArguments } from './arguments.ts'
import { readTextSource } from './text-source.ts'

/** Runs `accord inspect`. */
export async function inspectCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['annotations'])
    if (positionals.length !== 1) throw new Error('usage: accord inspect FILE [--annotations A.json]')
    const { text, annotations, docx } = await readTextSource(
      positionals[0],
      options.get('annotations') as string | undefined,
    )
    const { doc, diagnostics } = importText(text, { annotations })
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
        }))(docxCounts(docx))
      : {}
    process.stdout.write(JSON.stringify({ ...counts, ...word, diagnostics: listed }, null, 2) + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord inspect: ${(e as Error).message}\n`)
    return 2
  }
}
