/** `accord inspect FILE [--annotations A.json]`: structure counts and diagnostics as JSON. */
import { importText } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { parseArguments } from './arguments.ts'
import { readTextSource } from './text-source.ts'

/** Runs `accord inspect`. */
export async function inspectCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['annotations'])
    if (positionals.length !== 1) throw new Error('usage: accord inspect FILE [--annotations A.json]')
    const { text, annotations } = readTextSource(positionals[0], options.get('annotations') as string | undefined)
    const { doc, diagnostics } = importText(text, { annotations })
    process.stdout.write(JSON.stringify(summarize(doc, diagnostics), null, 2) + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord inspect: ${(e as Error).message}\n`)
    return 2
  }
}
