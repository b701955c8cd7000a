/**
 * Recompute speed of the live model on the template with the Doha scenario:
 * one resolution change (the multiplier [five]↔[eight], which changes every
 * Party's amount) until subscribers have the new results; one inscription
 * change; and a full recompute from scratch, with and without re-reading the text.
 *
 *   npx tsx bench/compute.ts
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { readNegotiationDoc, seedNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { computeScenario } from '../shared/model/compute.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { NegotiationModel } from '../shared/model/live.ts'
import { readScenario } from '../shared/model/scenario.ts'
import { readSharedScenario, writeSharedScenario } from '../shared/document/model-state.ts'
import { readDocumentTemplate, readPartyTable } from '../server/templates/read-template.ts'
import { textRoom } from '../shared/document/text-room.ts'
import { time } from './timing.ts'

const template = readDocumentTemplate()
const parties = readPartyTable()
const doha = readScenario(
  JSON.parse(readFileSync(new URL('../templates/non-paper/doha.json', import.meta.url), 'utf8')),
)
const doc = new Y.Doc()
seedNegotiationDoc(doc, template.text, template.annotations, template.bindings)
writeSharedScenario(doc, doha)
const model = new NegotiationModel(doc, parties)
let updated = 0
model.subscribe(() => updated++)
const maps = textRoom(doc)

const rows = model.current.results.rows.length
time(`one resolution change → ${rows} Parties + aggregates`, 2000, (i) =>
  maps.resolutions.set('g40', i % 2 ? 'g40.2' : 'g40.1'),
)
time('one inscription change → that Party + aggregates', 2000, (i) => maps.inscriptions.set('cp2/Norway', 80 + (i % 5)))
const index = indexDocument(readNegotiationDoc(doc))
time('full recompute from scratch (text already indexed)', 500, () =>
  computeScenario(index, template.bindings, readSharedScenario(doc), parties),
)
time('full recompute including reading and indexing the text', 50, () =>
  computeScenario(indexDocument(readNegotiationDoc(doc)), template.bindings, readSharedScenario(doc), parties),
)
if (updated < 4000) throw new Error(`subscribers saw ${updated} updates, expected every change`)
