/**
 * Recompute speed of the live model with every Party holding commitments:
 * Annex B.I on the table, 2013–2020; the 43 Annex B Parties inscribe QELRCs
 * (a third with a conditional figure), every other Party with data a mix of
 * intensity, BAU deviation, sectoral targets (toward and additional) and
 * policies — every Party (198), every kind. Timed: one inscription change (an
 * intensity cut, a BAU cut, a QELRC) until subscribers have the new totals and
 * aggregate, and a full recompute from scratch.
 *
 *   npx tsx bench/commitments.ts
 */
import * as Y from 'yjs'
import { readNegotiationDoc, seedNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { computeScenario } from '../shared/model/compute.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { inscriptionKey, type Inscriptions } from '../shared/model/inscriptions.ts'
import { NegotiationModel } from '../shared/model/live.ts'
import { readSharedScenario, writeSharedScenario } from '../shared/document/model-state.ts'
import { textRoom } from '../shared/document/text-room.ts'
import { readDocumentTemplate, readPartyTable } from '../server/templates/read-template.ts'
import { time } from './timing.ts'

const template = readDocumentTemplate()
const parties = readPartyTable()
const inscriptions: Inscriptions = {}
const put = (column: string, party: string, value: number | string) =>
  (inscriptions[inscriptionKey(column, party)] = value)
parties.forEach((p, i) => {
  if (p.annexB && p.iso !== 'EU') {
    put('cp2', p.name, 80 + (i % 10))
    if (i % 3 === 0) put('cp2.conditional', p.name, 70 + (i % 10))
    return
  }
  if (!p.series) {
    put(`pam.p${i}`, p.name, 'a policy without a number')
    return
  }
  switch (i % 4) {
    case 0:
      put('intensity.pct', p.name, 30 + (i % 15))
      put('intensity.pct.conditional', p.name, 40 + (i % 15))
      put('intensity.baseYear', p.name, 2005)
      put('intensity.targetYear', p.name, 2020)
      break
    case 1:
      put('bau.pct', p.name, 10 + (i % 20))
      put('bau.pct.conditional', p.name, 25 + (i % 20))
      put('bau.targetYear', p.name, 2020)
      break
    case 2:
      put('bau.pct', p.name, 15)
      put('sectoral.power', p.name, 'power')
      put('sectoral.power.cutMt', p.name, 0.01)
      put('sectoral.power.counting', p.name, i % 8 === 2 ? 'toward' : 'additional')
      break
    default:
      put('pam.energy', p.name, 'an energy efficiency law')
      put('pam.energy.effectMt', p.name, 0.02)
      put('pam.energy.source', p.name, 'national communication')
      put('sectoral.forest', p.name, 'forests')
      put('sectoral.forest.cutMt', p.name, 0.01)
      put('sectoral.forest.counting', p.name, 'additional')
  }
})
const resolutions = { o4: 'chosen', o9: 'chosen', o10: 'chosen', g39: 'g39.2', g40: 'g40.2', g41: 'kept' }
const doc = new Y.Doc()
seedNegotiationDoc(doc, template.text, template.annotations, template.bindings)
writeSharedScenario(doc, { resolutions, values: { X: 25 }, inscriptions })
const model = new NegotiationModel(doc, parties)
let updated = 0
model.subscribe(() => updated++)
const maps = textRoom(doc)
const results = model.current.results
const kinds = new Set(results.rows.flatMap((r) => r.commitments?.commitments.map((c) => c.kind) ?? []))
console.log(
  `${results.rows.length} Parties with rows, ${results.commitments!.counted.length} counted, kinds: ${[...kinds].join(', ')}; ${Object.keys(inscriptions).length} cells`,
)

// A thousand warm-up runs each: the JIT has settled by then on this machine.
const medians = [
  time(
    'one intensity cut (China) → its row + totals + aggregate',
    2000,
    (i) => maps.inscriptions.set('intensity.pct/China', 30 + (i % 10)),
    1000,
  ),
  time(
    'one BAU cut (Indonesia) → its row + totals + aggregate',
    2000,
    (i) => maps.inscriptions.set('bau.pct/Indonesia', 20 + (i % 10)),
    1000,
  ),
  time(
    'one QELRC (Norway) → its row + totals + aggregate',
    2000,
    (i) => maps.inscriptions.set('cp2/Norway', 80 + (i % 5)),
    1000,
  ),
]
const index = indexDocument(readNegotiationDoc(doc))
time('full recompute from scratch (text already indexed)', 300, () =>
  computeScenario(index, template.bindings, readSharedScenario(doc), parties),
)
if (updated < 9000) throw new Error(`subscribers saw ${updated} updates, expected every change`)
const worst = Math.max(...medians)
console.log(
  `one inscription, ${parties.length} Parties, every kind: median ${(worst * 1000).toFixed(1)} µs (target < 100 µs)`,
)
