/** The non-paper template, imported and indexed once for the model tests. */
import { readFileSync } from 'node:fs'
import { importText } from '../../shared/import/index.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { readDocumentTemplate, readPartyTable } from '../../server/templates/read-template.ts'

export const template = readDocumentTemplate()
export const templateDoc = importText(template.text, { annotations: template.annotations }).doc
export const templateIndex = indexDocument(templateDoc)
export const parties = readPartyTable()
export const doha = readScenario(
  JSON.parse(readFileSync(new URL('../../templates/non-paper/doha.json', import.meta.url), 'utf8')),
)
