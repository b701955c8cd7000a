// The live model with commitments of every kind: seeded random edits (a Party's first
// cell, conditional figures, cells removed, two Parties in one transaction) leave it equal
// to a computation from scratch, and recompute only the Parties touched.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { readInscriptions } from '../../shared/model/inscriptions.ts'
import { NegotiationModel } from '../../shared/model/live.ts'
import { readSharedScenario, writeSharedScenario } from '../../shared/document/model-state.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { seededRandom } from '../seeded-random.ts'
import { template, templateIndex } from '../model/template-model.ts'
import { readFileSync } from 'node:fs'
import { parties } from './annex-b1.ts'

const multiTrack = readScenario(
  JSON.parse(readFileSync(new URL('../../templates/non-paper/multi-track.json', import.meta.url), 'utf8')),
)
const EDITS: [string, () => number | string][] = [
  ['intensity.pct/China', () => 40],
  ['intensity.pct.conditional/India', () => 30],
  ['bau.pct/Viet Nam', () => 10],
  ['bau.targetYear/Viet Nam', () => 2020],
  ['bau.pct.conditional/Indonesia', () => 35],
  ['sectoral.power/Chile', () => 'power'],
  ['sectoral.power.cutMt/Chile', () => 2],
  ['sectoral.power.counting/Chile', () => 'additional'],
  ['bau.pct/Chile', () => 15],
  ['pam.rail/Kenya', () => 'electric railways'],
  ['cp2.conditional/Ukraine', () => 70],
  ['cp2/Norway', () => 80],
]

describe('the live model with commitments of every kind', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: equals a computation from scratch after every edit`, () => {
      const random = seededRandom(seed)
      const doc = new Y.Doc()
      seedNegotiationDoc(doc, template.text, template.annotations, template.bindings)
      writeSharedScenario(doc, multiTrack)
      const model = new NegotiationModel(doc, parties)
      const inscriptions = textRoom(doc).inscriptions
      for (let step = 0; step < 30; step++) {
        const before = new Map(model.current.results.rows.map((r) => [r.party, r]))
        const picks = [EDITS[Math.floor(random() * EDITS.length)]!, EDITS[Math.floor(random() * EDITS.length)]!]
        const touched = new Set(picks.map(([key]) => key.slice(key.indexOf('/') + 1)))
        doc.transact(() => {
          for (const [key, value] of picks) {
            if (random() < 0.3) inscriptions.delete(key)
            else inscriptions.set(key, value())
          }
        })
        const fromScratch = computeScenario(templateIndex, template.bindings, readSharedScenario(doc), parties)
        expect(model.current).toEqual(fromScratch)
        // Rows of Parties not touched are the very objects they were.
        for (const r of model.current.results.rows)
          if (!touched.has(r.party) && before.has(r.party)) expect(r, r.party).toBe(before.get(r.party))
      }
      // The resolution file's form and the map's agree.
      expect(readInscriptions({ 'bau.pct': { 'Viet Nam': 10 } })).toEqual({ 'bau.pct/Viet Nam': 10 })
      model.destroy()
    })
  }
})
