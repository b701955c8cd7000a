// Concurrent proposals, stances, withdrawals and decisions on several replicas, with
// updates delivered in random order (Yjs's randomized-test pattern): every replica ends
// with the same register, the same tally, and only changes the rights allow.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { refuseProposalChanges, type Actor } from '../../shared/proposals/rights.ts'
import { tallyProposals } from '../../shared/proposals/tally.ts'
import { seededRandom } from '../seeded-random.ts'
import { replicaCluster } from '../document/replica-cluster.ts'

const actors: Actor[] = [
  { username: 'no', role: 'delegation', party: 'Norway' },
  { username: 'au', role: 'delegation', party: 'Australia' },
  { username: 'tv', role: 'delegation', party: 'Tuvalu' },
  { username: 'chair', role: 'co-chair' },
]
const targets = ['g39', 'g40', 'g41', 'o1', 'o2']

describe('concurrent proposals', () => {
  for (let seed = 1; seed <= 10; seed++) {
    it(`seed ${seed}: every replica ends with the same register`, () => {
      const random = seededRandom(seed)
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
      const docs = actors.map(() => new Y.Doc())
      const registers = docs.map(
        (doc, i) => new ProposalRegister(doc, actors[i], () => `2009-11-0${1 + Math.floor(random() * 9)}T10:00:00Z`),
      )
      const net = replicaCluster(docs)
      let done = 0
      for (let step = 0; step < 150; step++) {
        const i = Math.floor(random() * actors.length)
        const register = registers[i]
        const open = Object.values(register.state().proposals).filter((p) => p.status === 'open')
        try {
          if (actors[i].role === 'co-chair') {
            const p = open.length ? pick(open) : undefined
            if (p) random() < 0.7 ? register.accept(p.id) : register.setAside(p.id, 'no consensus')
          } else {
            const r = random()
            const others = open.filter((p) => p.party !== actors[i].party)
            const mine = open.filter((p) => p.party === actors[i].party)
            if (r < 0.4) register.propose({ kind: 'resolution', target: pick(targets), value: 'kept', rationale: 'r' })
            else if (r < 0.8 && others.length)
              register.takeStance(pick(others).id, pick(['support', 'object', null] as const))
            else if (mine.length) register.withdraw(pick(mine).id)
          }
          done++
        } catch {
          // A local check refused it (e.g. deciding a proposal another replica already decided): nothing was written.
        }
        net.some(random)
      }
      net.all()
      const states = registers.map((r) => r.state())
      for (const s of states.slice(1)) expect(s).toEqual(states[0])
      const tallies = registers.map((r) => JSON.stringify([...tallyProposals(r.state())]))
      expect(new Set(tallies).size).toBe(1)
      expect(done).toBeGreaterThan(60)
      // Whatever converged, every entry is one its author was allowed to write.
      for (const p of Object.values(states[0].proposals)) {
        const author = actors.find((a) => a.party === p.party)!
        expect(
          refuseProposalChanges(author, [
            { map: 'proposals', key: p.id, before: undefined, after: { ...p, status: 'open', decision: undefined } },
          ]),
        ).toBeNull()
      }
      for (const key of Object.keys(states[0].stances))
        expect(states[0].proposals[key.slice(0, key.lastIndexOf('/'))].party).not.toBe(
          key.slice(key.lastIndexOf('/') + 1),
        )
    })
  }
})
