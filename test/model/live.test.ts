// The live model over a shared Y.Doc: incremental, observable, and equal to a
// computation from scratch; several replicas with random concurrent decisions
// converge on the same state and the same numbers (Yjs's randomized-test pattern).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { NegotiationModel } from '../../shared/model/live.ts'
import { readSharedScenario, writeSharedScenario } from '../../shared/document/model-state.ts'
import { seededRandom } from '../seeded-random.ts'
import { doha, parties, template, templateIndex } from './template-model.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const seeded = (() => {
  const doc = new Y.Doc()
  seedNegotiationDoc(doc, template.text, template.annotations, template.bindings)
  return Y.encodeStateAsUpdate(doc)
})()

function replica(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, seeded)
  return doc
}

describe('NegotiationModel', () => {
  it('recomputes the Doha figures when the period is chosen, and tells subscribers', () => {
    const doc = replica()
    writeSharedScenario(doc, {
      ...doha,
      resolutions: { ...doha.resolutions, g39: 'g39.1', g40: 'g40.1', g1: 'g1.1', g3: 'g3.1' },
    })
    const model = new NegotiationModel(doc, parties)
    const seen: number[] = []
    model.subscribe((c) => seen.push(c.results.years ?? 0))
    expect(model.current.results.years).toBe(5)
    doc.transact(() => {
      textRoom(doc).resolutions.set('g39', 'g39.2')
      textRoom(doc).resolutions.set('g40', 'g40.2')
    })
    expect(seen).toEqual([8])
    expect(model.current).toEqual(computeScenario(templateIndex, template.bindings, readSharedScenario(doc), parties))
    model.destroy()
  })

  it('recomputes only the Party whose inscription changed', () => {
    const doc = replica()
    writeSharedScenario(doc, doha)
    const model = new NegotiationModel(doc, parties)
    const before = new Map(model.current.results.rows.map((r) => [r.party, r]))
    textRoom(doc).inscriptions.set('cp2/Norway', 70)
    const after = model.current.results.rows
    for (const r of after) {
      if (r.party === 'Norway') expect(r).not.toBe(before.get('Norway'))
      else expect(r).toBe(before.get(r.party))
    }
    // Norway: 70 % × 51,475,106 t × 8 (inventory base year, approximate).
    expect(after.find((r) => r.party === 'Norway')!.assignedAmountT).toBe(Math.round(0.7 * 51_475_106.1 * 8))
    expect(model.current).toEqual(computeScenario(templateIndex, template.bindings, readSharedScenario(doc), parties))
    model.destroy()
  })
})

describe('concurrent decisions on several replicas', () => {
  const groups = [...templateIndex.groups.values()]
  const options = [...templateIndex.options.keys()]
  const partyNames = parties.map((p) => p.name)

  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: same state and same numbers everywhere`, () => {
      const random = seededRandom(seed)
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
      const docs = [replica(), replica(), replica(), replica()]
      const models = docs.map((d) => new NegotiationModel(d, parties))
      // Updates wait in per-pair queues and are delivered in random order, as a flaky network would.
      const queues = new Map<string, Uint8Array[]>()
      docs.forEach((from, i) =>
        from.on('update', (u: Uint8Array, origin: unknown) => {
          if (origin === 'remote') return
          docs.forEach((_, j) => {
            if (j !== i) queues.set(`${i}>${j}`, [...(queues.get(`${i}>${j}`) ?? []), u])
          })
        }),
      )
      const deliver = (key: string) => {
        const [, j] = key.split('>').map(Number)
        const u = queues.get(key)!.shift()
        if (u) Y.applyUpdate(docs[j], u, 'remote')
      }
      for (let step = 0; step < 120; step++) {
        const doc = pick(docs)
        const m = textRoom(doc)
        const r = random()
        if (r < 0.35) {
          const g = pick(groups)
          m.resolutions.set(g.id, g.alternatives.length === 1 ? pick(['kept', 'deleted']) : pick(g.alternatives))
        } else if (r < 0.5) m.resolutions.set(pick(options), pick(['chosen', 'dropped']))
        else if (r < 0.58) m.resolutions.delete(pick([...groups.map((g) => g.id), ...options]))
        else if (r < 0.68) m.values.set(pick(['X', 'V', 'Z']), pick([18, 20, 2020, 5]))
        else if (r < 0.9) m.inscriptions.set(`cp2/${pick(partyNames)}`, 60 + Math.floor(random() * 50))
        else m.inscriptions.delete(`cp2/${pick(partyNames)}`)
        for (const key of queues.keys()) if (random() < 0.3) deliver(key)
      }
      for (const key of queues.keys()) while (queues.get(key)!.length) deliver(key)
      const states = docs.map((d) => readSharedScenario(d))
      for (const s of states.slice(1)) expect(s).toEqual(states[0])
      const fromScratch = computeScenario(templateIndex, template.bindings, states[0], parties)
      for (const model of models) expect(model.current).toEqual(fromScratch)
      expect(Object.keys(states[0].resolutions).length).toBeGreaterThan(5)
      models.forEach((m) => m.destroy())
    })
  }
})
