/**
 * A small reader of CLI arguments: positionals and `--name value` / `--flag`
 * options, with the allowed names declared so a typo is an error, not ignored.
 */

/** Parsed arguments. */
export interface Arguments {
  positionals: string[]
  options: Map<string, string | true>
}

/** Parse `args`; `valued` options take a value, `flags` do not. Throws a one-line Error. */
export function parseArguments(args: string[], valued: string[] = [], flags: string[] = []): Arguments {
  const positionals: string[] = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const name = arg.slice(2)
    if (flags.includes(name)) options.set(name, true)
    else if (valued.includes(name)) {
      const value = args[++i]
      if (value === undefined) throw new Error(`--${name} needs a value`)
      options.set(name, value)
    } else throw new Error(`unknown option ${arg}`)
  }
  return { positionals, options }
}
