/**
 * The `accord` command line: one module per subcommand, registered here.
 * Each command returns its exit code; usage errors exit 2 with one line on stderr.
 */
import { inspectCommand } from './inspect.ts'
import { roundtripCommand } from './roundtrip.ts'

/** A subcommand: takes its own arguments, writes to stdout/stderr, returns an exit code. */
export type Command = (args: string[]) => Promise<number>

const commands: Record<string, { run: Command; summary: string }> = {
  inspect: { run: inspectCommand, summary: 'inspect FILE — structure counts and diagnostics as JSON' },
  compute: {
    run: async (args) => (await import('./compute.ts')).computeCommand(args),
    summary:
      'compute FILE --resolutions R.json [--json] — assigned amounts, aggregate and diagnostics under a scenario',
  },
  roundtrip: { run: roundtripCommand, summary: 'roundtrip FILE — import then serialize the text to stdout' },
  export: {
    run: async (args) => (await import('./export.ts')).exportCommand(args),
    summary:
      'export FILE --resolutions R.json --format txt|html|docx|pdf|akn|csv [--as-is] [--symbol S] -o OUT — consolidated text (or as negotiated) for the secretariat',
  },
  yardstick: {
    run: async (args) => (await import('./yardstick.ts')).yardstickCommand(args),
    summary:
      'yardstick [--period cp1|cp2] [--baseline base-year|YEAR|FROM-TO] [--income-year YEAR] [--json] — cuts beside income, fitted line, distances',
  },
  frankel: {
    run: async (args) => (await import('./frankel.ts')).frankelCommand(args),
    summary: 'frankel [--party NAME] [--json] — Frankel formula target paths per Party, 2010–2100',
  },
  'entry-into-force': {
    run: async (args) => (await import('./entry-into-force.ts')).entryIntoForceCommand(args),
    summary: 'entry-into-force FILE.json [--as-of DATE] — ARTICLE 2 / paragraph 1 ter status of an acceptance list',
  },
  serve: {
    run: async (args) => (await import('./serve.ts')).serveCommand(args),
    summary: 'serve — run the multi-user service (PORT, ACCORD_DATA from the environment)',
  },
}

/** Runs `accord ARGS…` and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    const usage = Object.values(commands)
      .map((c) => `  accord ${c.summary}`)
      .join('\n')
    process.stderr.write(
      `${name ? `accord: unknown command "${name}"` : 'accord: no command given'}\nUsage:\n${usage}\n`,
    )
    return 2
  }
  return command.run(rest)
}
