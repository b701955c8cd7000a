/**
 * Reads a document template folder from disk: its text, the annotations that
 * correct the importer's guesses, the bindings to the model, the party
 * table with its yearly series, and the negotiating groups. The template ships with Accord; a broken one is a clear error naming the file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { readAnnotations, type Annotation } from '../../shared/import/index.ts'
import { readBindings, type Bindings } from '../../shared/model/bindings.ts'
import { parseRoster, type Roster } from '../../shared/parties/roster.ts'
import type { Party } from '../../shared/parties/party.ts'

/** The repository's templates folder. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

/** A template folder's contents. */
export interface DocumentTemplate {
  text: string
  annotations: Annotation[]
  bindings: Bindings
}

/** Read a template folder (`text.txt`, optional `annotations.json` and `bindings.json`). */
export function readDocumentTemplate(dir = join(TEMPLATES_DIR, 'non-paper')): DocumentTemplate {
  const json = (name: string) => {
    const file = join(dir, name)
    if (!existsSync(file)) return undefined
    try {
      return JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`)
    }
  }
  const annotations = json('annotations.json')
  const bindings = json('bindings.json')
  return {
    text: readFileSync(join(dir, 'text.txt'), 'utf8'),
    annotations: annotations ? readAnnotations(annotations) : [],
    bindings: bindings ? readBindings(bindings.bindings, `${join(dir, 'bindings.json')}: bindings`) : {},
  }
}

/**
 * The roster that ships with Accord: the party table (`parties/parties.csv`),
 * each Party with its series from `party-years.csv`, and the negotiating groups
 * (`parties/negotiating-groups.csv`) checked against it. Read once per folder.
 */
export function readRoster(dir = join(TEMPLATES_DIR, 'parties')): Roster {
  let roster = rosters.get(dir)
  if (!roster) {
    const file = (name: string) => ({ text: readFileSync(join(dir, name), 'utf8'), file: join(dir, name) })
    const years = existsSync(join(dir, 'party-years.csv')) ? file('party-years.csv') : undefined
    roster = parseRoster(file('parties.csv'), file('negotiating-groups.csv'), years)
    rosters.set(dir, roster)
  }
  return roster
}

const rosters = new Map<string, Roster>()

/** The Parties of the roster that ships with Accord, in file order. */
export function readPartyTable(): readonly Party[] {
  return readRoster().parties.parties
}
