// Two co-chairs streamline the template at once while a third replica resolves brackets
// and delegations propose, with updates delivered in random order (Yjs's randomized-test
// pattern): every replica ends with the same text and model, the text is still a valid
// document that serializes, the model still computes, and both co-chairs' log entries
// are on every replica.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EditorState } from 'prosemirror-state'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import { negotiationDocText, readNegotiationDoc, seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { takeStep } from '../../shared/document/streamline-step.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import { stepLogDraft } from '../../shared/proposals/log-entry.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import {
  acceptBracketText,
  dropOption,
  mergeOptions,
  moveOption,
  regroupBrackets,
  setApplicability,
  splitGroup,
  type StepResult,
} from '../../shared/streamline/index.ts'
import { seededRandom } from '../seeded-random.ts'
import { replicaCluster } from './replica-cluster.ts'
import { parties, template } from '../model/template-model.ts'
import { textRoom } from '../../shared/document/text-room.ts'

describe('concurrent streamlining', () => {
  const seed0 = new Y.Doc()
  seedNegotiationDoc(seed0, template.text, template.annotations, template.bindings)
  const initial = Y.encodeStateAsUpdate(seed0)

  for (let seed = 1; seed <= 6; seed++) {
    it(`seed ${seed}: two co-chairs and a resolver converge on a valid text and model`, () => {
      const random = seededRandom(seed)
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
      const texts = [0, 1, 2].map(() => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, initial, 'remote')
        return doc
      })
      const records = [0, 1, 2].map(() => new Y.Doc())
      const chairs = [
        { username: 'chair-a', role: 'co-chair' as const },
        { username: 'chair-b', role: 'co-chair' as const },
      ]
      const registers = [
        new ProposalRegister(records[0], chairs[0]),
        new ProposalRegister(records[1], chairs[1]),
        new ProposalRegister(records[2], { username: 'no', role: 'delegation', party: 'Norway' }),
      ]
      const textNet = replicaCluster(texts)
      const recordNet = replicaCluster(records)

      // A random operation on what replica `i` sees now; most fail on some states, which is fine.
      const operation = (doc: Y.Doc): ((s: EditorState) => StepResult) => {
        const index = indexDocument(readNegotiationDoc(doc))
        const sections = [...index.sections.entries()].filter(([, options]) => options.length > 1)
        const [section, options] = pick(sections)
        const groups = [...index.groups.values()]
        const r = random()
        if (r < 0.2) return (s) => mergeOptions(s, options[0], pick(options.slice(1)))
        if (r < 0.35) return (s) => dropOption(s, pick(options))
        if (r < 0.5) return (s) => moveOption(s, pick(options), random() < 0.5 ? options[0] : null)
        if (r < 0.65) {
          const g = pick(groups)
          return (s) => acceptBracketText(s, g.id, g.alternatives.length > 1 ? pick(g.alternatives) : undefined)
        }
        if (r < 0.75) {
          const g = pick(groups.filter((x) => x.alternatives.length > 1))
          return (s) => splitGroup(s, g.id)
        }
        if (r < 0.85) return (s) => regroupBrackets(s, 'g49', 'g50')
        const other = pick(sections.filter(([id]) => id !== section))
        return (s) =>
          setApplicability(s, pick(options), random() < 0.8 ? { sectionId: other[0], optionNumber: '1' } : null)
      }

      let taken = 0
      for (let step = 0; step < 40; step++) {
        const who = Math.floor(random() * 3)
        if (who < 2) {
          const result = takeStep(texts[who], operation(texts[who]))
          if (!('error' in result)) {
            registers[who].log(stepLogDraft(result.step, result.followUp.notes))
            taken++
          }
        } else {
          // The third replica resolves what it sees and its delegation proposes.
          const index = indexDocument(readNegotiationDoc(texts[2]))
          const group = pick([...index.groups.values()])
          texts[2].transact(() =>
            textRoom(texts[2]).resolutions.set(
              group.id,
              group.alternatives.length > 1 ? pick(group.alternatives) : 'kept',
            ),
          )
          registers[2].propose({
            kind: 'resolution',
            target: group.id,
            value: group.alternatives.length > 1 ? group.alternatives[0] : 'deleted',
          })
        }
        textNet.some(random)
        recordNet.some(random)
      }
      textNet.all()
      recordNet.all()

      expect(taken).toBeGreaterThan(5)
      const [first, ...rest] = texts.map((doc) => Y.encodeStateVector(doc))
      for (const sv of rest) expect(sv).toEqual(first)
      const text = negotiationDocText(texts[0])
      for (const doc of texts.slice(1)) {
        expect(negotiationDocText(doc)).toBe(text)
        expect(readSharedScenario(doc)).toEqual(readSharedScenario(texts[0]))
        expect(readSharedBindings(doc)).toEqual(readSharedBindings(texts[0]))
      }
      // Whatever the interleaving, the merged text is a document the schema accepts and the model reads.
      // (y-prosemirror leaves out what the schema rejects: writing the node back must give the same fragment.)
      const doc = readNegotiationDoc(texts[0])
      expect(() => doc.check()).not.toThrow()
      const again = new Y.Doc()
      prosemirrorToYXmlFragment(doc, textRoom(again).text)
      expect(textRoom(again).text.toString()).toBe(textRoom(texts[0]).text.toString())
      const computed = computeScenario(
        indexDocument(doc),
        readSharedBindings(texts[0]).bindings,
        readSharedScenario(texts[0]),
        parties,
      )
      expect(computed.results.rows.length).toBeGreaterThan(0)
      // Both co-chairs' entries reached every replica of the record.
      const logs = registers.map((r) => r.state().log)
      for (const log of logs.slice(1)) expect(log).toEqual(logs[0])
      expect(Object.keys(logs[0])).toHaveLength(taken)
    })
  }
})
