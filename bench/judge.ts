/**
 * What the server's judgement of an update costs on the 115-page text: a keystroke,
 * what a resolution is judged against (the full index beside the resolvable nodes read from
 * the Yjs tree), and a resolution judged on the cached nodes.
 * Then a 24 MB proposals room: an empty update and a stance judged, beside a copy of the room.
 * `npx tsx bench/judge.ts`
 */
import * as Y from 'yjs'
import { seedNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { judgeUpdate } from '../shared/document/judge.ts'
import { CurrentNodes } from '../shared/document/current-nodes.ts'
import { resolvableNodes } from '../shared/document/resolvable-nodes.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { readNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { textRoom } from '../shared/document/text-room.ts'
import { largeNonPaper } from './editor/large-text.ts'
const text = largeNonPaper()
const doc = new Y.Doc()
seedNegotiationDoc(doc, text)
console.log('bytes', text.length, 'top children', textRoom(doc).text.length)
const index = new CurrentNodes(doc)
const chair = { username: 'c', role: 'co-chair' as const }
const client = new Y.Doc()
Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
const ups: Uint8Array[] = []
client.on('update', (u: Uint8Array) => ups.push(u))
// Keystrokes into the first run of text, deep in a section.
const firstText = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) return child
    if (child instanceof Y.XmlElement) {
      const found = firstText(child)
      if (found) return found
    }
  }
  return null
}
const run = firstText(textRoom(client).text)!
for (let i = 0; i < 200; i++) run.insert(0, 'x')
const typing = ups.splice(0)
const t0 = performance.now()
for (const u of typing) {
  const v = judgeUpdate('text', doc, u, chair, { currentNodes: () => index.get() })
  if (v.refusal) throw new Error(v.refusal.message)
  Y.applyUpdate(doc, u)
}
console.log('keystroke judge ms/update', ((performance.now() - t0) / typing.length).toFixed(3))
// Alternating, ten times each: this machine is noisy, compare the medians of one run.
const full: number[] = []
const tree: number[] = []
for (let k = 0; k < 10; k++) {
  const t1 = performance.now()
  indexDocument(readNegotiationDoc(doc))
  const t2 = performance.now()
  resolvableNodes(doc)
  full.push(t2 - t1)
  tree.push(performance.now() - t2)
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
console.log(
  `what a resolution is judged against, median of 10: full index ${median(full).toFixed(1)} ms, resolvable nodes from the Yjs tree ${median(tree).toFixed(1)} ms`,
)
const g = [...index.get().groups.values()].find((g) => g.alternatives.length > 1)!
textRoom(client).resolutions.set(g.id, g.alternatives[0])
const res = ups.splice(0)[0]
for (let k = 0; k < 3; k++) {
  const t2 = performance.now()
  judgeUpdate('text', doc, res, chair, { currentNodes: () => index.get() })
  console.log('resolution judge (cached index) ms', (performance.now() - t2).toFixed(3))
}

// A proposals room grown to ~24 MB by a delegation (1,200 proposals of 20,000 characters, the cap):
// what judging an empty update and a small one (a stance) costs, beside what a copy of the room
// costs (the old judgement applied the whole room into a copy for every message).
{
  const { proposalsRoom } = await import('../shared/document/proposals-room.ts')
  const room = new Y.Doc()
  const now = new Date().toISOString()
  const filler = 'x'.repeat(20_000)
  for (let i = 0; i < 1200; i++)
    proposalsRoom(room).proposals.set(`p-${i}`, {
      id: `p-${i}`,
      party: 'Norway',
      by: 'nor',
      kind: 'alternative',
      target: 'g39',
      value: filler,
      at: now,
      status: 'open',
    })
  const bytes = Y.encodeStateAsUpdate(room).length
  const tuvalu = { username: 'tv', role: 'delegation' as const, party: 'Tuvalu' }
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  const empty = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room))
  let small: Uint8Array | undefined
  client.once('update', (u: Uint8Array) => (small = u))
  proposalsRoom(client).stances.set('p-7/Tuvalu', { stance: 'support', by: 'tv', at: new Date().toISOString() })
  const options = { now: Date.now }
  const time = (f: () => void, n: number) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) f()
    return (performance.now() - t0) / n
  }
  const emptyMs = time(() => judgeUpdate('proposals', room, empty, tuvalu, options), 50)
  const smallMs = time(() => {
    const v = judgeUpdate('proposals', room, small!, tuvalu, options)
    if (v.refusal) throw new Error(v.refusal.message)
  }, 50)
  const copyMs = time(() => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
    copy.destroy()
  }, 5)
  console.log(
    `proposals room ${(bytes / 1e6).toFixed(1)} MB: judge an empty update ${emptyMs.toFixed(3)} ms, a stance ${smallMs.toFixed(3)} ms; a copy of the room (the old judgement, per message) ${copyMs.toFixed(0)} ms; 50 empty updates ${(50 * emptyMs).toFixed(1)} ms`,
  )
}
