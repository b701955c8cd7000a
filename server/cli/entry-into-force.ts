/** `accord entry-into-force FILE.json [--as-of YYYY-MM-DD]`: is the amendment in force, since when, or what is missing. */
import { readFileSync } from 'node:fs'
import { parseAcceptanceList } from '../../shared/entry-into-force/acceptance-list.ts'
import { evaluateEntryIntoForce } from '../../shared/entry-into-force/evaluate.ts'
import { parseArguments } from './arguments.ts'

/** Runs `accord entry-into-force`. */
export async function entryIntoForceCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['as-of'])
    if (positionals.length !== 1) throw new Error('usage: accord entry-into-force FILE.json [--as-of YYYY-MM-DD]')
    let json: unknown
    try {
      json = JSON.parse(readFileSync(positionals[0], 'utf8'))
    } catch (e) {
      throw new Error(`${positionals[0]}: ${(e as Error).message}`)
    }
    const list = parseAcceptanceList(json)
    // The date of evaluation: the option, the file, or today (UTC) — the only clock read, at the edge.
    const asOf = (options.get('as-of') as string | undefined) ?? list.asOf ?? new Date().toISOString().slice(0, 10)
    const status = evaluateEntryIntoForce(list.acceptances, list.rules, asOf)
    process.stdout.write(JSON.stringify(status, null, 2) + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord entry-into-force: ${(e as Error).message}\n`)
    return 2
  }
}
