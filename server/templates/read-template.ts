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
import { parseNegotiatingGroups, parsePartyTable, type NegotiatingGroups } from '../../shared/parties/index.ts'
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

/** The party table that ships with Accord, each Party with its series from `party-years.csv` beside it. */
export function readPartyTable(file = join(TEMPLATES_DIR, 'parties', 'parties.csv')): readonly Party[] {
  const years = join(dirname(file), 'party-years.csv')
  return parsePartyTable(
    readFileSync(file, 'utf8'),
    file,
    existsSync(years) ? { text: readFileSync(years, 'utf8'), file: years } : undefined,
  ).parties
}

/** The negotiating groups that ship with Accord, checked against the party table. */
export function readNegotiatingGroups(dir = join(TEMPLATES_DIR, 'parties')): NegotiatingGroups {
  const table = parsePartyTable(readFileSync(join(dir, 'parties.csv'), 'utf8'), join(dir, 'parties.csv'))
  const file = join(dir, 'negotiating-groups.csv')
  return parseNegotiatingGroups(readFileSync(file, 'utf8'), file, table)
}
