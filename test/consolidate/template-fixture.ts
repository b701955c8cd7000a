/** The non-paper template under the full scenario (full-scenario.json), imported, computed and consolidated once. */
import { readFileSync } from 'node:fs'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { importText } from '../../shared/import/index.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { readDocumentTemplate, readPartyTable } from '../../server/templates/read-template.ts'

export const template = readDocumentTemplate()
export const templateDoc = importText(template.text, { annotations: template.annotations }).doc
export const parties = readPartyTable()
export const fullScenario = readScenario(
  JSON.parse(readFileSync(new URL('./full-scenario.json', import.meta.url), 'utf8')),
)
export const dohaScenario = readScenario(
  JSON.parse(readFileSync(new URL('../../templates/non-paper/doha.json', import.meta.url), 'utf8')),
)
export const fullComputation = computeScenario(indexDocument(templateDoc), template.bindings, fullScenario, parties)
export const fullConsolidation = consolidate(templateDoc, fullScenario, {
  bindings: template.bindings,
  computation: fullComputation,
})
/** The golden consolidated text, made by hand (see golden-edits.py). */
export const golden = readFileSync(new URL('./full-consolidated.txt', import.meta.url), 'utf8')
