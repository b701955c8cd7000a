/**
 * Reads what the CLI needs besides the text: a resolution file (scenario) and
 * the bindings that go with the text (a template folder's `bindings.json`, or
 * `--bindings`). Errors are one line naming the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readBindings, type Bindings } from '../../shared/model/bindings.ts'
import { readScenario, type Scenario } from '../../shared/model/scenario.ts'

/** Parse a JSON file; the error names the file. */
export function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new Error(`cannot read ${file}: no such file`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`)
  }
}

/** The scenario in a resolution file. */
export function readScenarioFile(file: string): Scenario {
  return readScenario(readJsonFile(file), file)
}

/** The bindings named by `explicit`, else those beside a template folder `textPath`, else none. */
export function readBindingsFor(textPath: string, explicit: string | undefined): Bindings {
  const file =
    explicit ??
    (statSync(textPath).isDirectory() && existsSync(join(textPath, 'bindings.json'))
      ? join(textPath, 'bindings.json')
      : undefined)
  if (!file) return {}
  const json = readJsonFile(file) as { bindings?: unknown }
  return readBindings(json.bindings ?? json, `${file}: bindings`)
}
