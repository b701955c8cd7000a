/** `accord roundtrip FILE [--annotations A.json]`: import, then print the serialized text. */
import { importText } from '../../shared/import/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { parseArguments } from './arguments.ts'
import { readTextSource } from './text-source.ts'

/** Runs `accord roundtrip`. */
export async function roundtripCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['annotations'])
    if (positionals.length !== 1) throw new Error('usage: accord roundtrip FILE [--annotations A.json]')
    const { text, annotations } = await readTextSource(positionals[0], options.get('annotations') as string | undefined)
    process.stdout.write(serializeText(importText(text, { annotations }).doc))
    return 0
  } catch (e) {
    process.stderr.write(`accord roundtrip: ${(e as Error).message}\n`)
    return 2
  }
}
