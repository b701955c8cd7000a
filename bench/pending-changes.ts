/**
 * What comments and pending changes cost where they run: the server's recording of one
 * suggestion (in the Yjs tree of the room, beside what a copy of the room cost) on the
 * template and on the 115-page text; a co-chair's decision on one; and what the editor recomputes
 * when the text changes (every thread's and change's range from its anchors) on the
 * corpus working file (95 comments, 91 tracked changes).
 * `npx tsx bench/pending-changes.ts`
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { threadSpans } from '../shared/comments/comment-spans.ts'
import { seedNegotiationDocFromDocx } from '../shared/document/docx-document.ts'
import { readNegotiationDoc, seedNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { proposalsRoom } from '../shared/document/proposals-room.ts'
import { PositionMapper, storePosition } from '../shared/document/relative-positions.ts'
import { textRoom } from '../shared/document/text-room.ts'
import { readDocx } from '../shared/docx/index.ts'
import { decidePendingChange, pendingSpans } from '../shared/pending-changes/decide.ts'
import { suggestChange } from '../shared/pending-changes/suggest.ts'
import { textPositions } from '../shared/serialize/text-positions.ts'
import { changeOnCopy } from '../server/sync/server-write.ts'
import { readRoster } from '../server/templates/read-template.ts'
import { largeNonPaper } from './editor/large-text.ts'
import { time } from './timing.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const template = readFileSync(path.join(root, 'templates/non-paper/text.txt'), 'utf8')
const signature = { by: 'norway', party: 'Norway', at: '2024-11-20T10:00:00.000Z' }

for (const [name, text] of [
  ['template', template],
  ['115-page text', largeNonPaper()],
] as const) {
  const room = new Y.Doc()
  seedNegotiationDoc(room, text)
  const positions = textPositions(readNegotiationDoc(room))
  // Words deep in the text: the last "Parties" of it.
  const offset = positions.text.lastIndexOf('Parties')
  const at = positions.range(offset, offset).from
  const place = storePosition(new PositionMapper(textRoom(room).text).toRelative(at, 0))
  // The server makes each suggestion in the room itself (server/sync/server-write.ts: changeRoom).
  time(
    `server: one suggestion on the ${name}`,
    50,
    () => {
      const made = suggestChange(room, { insert: { at: place, text: 'written ' } }, signature)
      if (!Array.isArray(made)) throw new Error(made.refused)
    },
    5,
  )
  time(
    `before: the same on a copy of the room (${name})`,
    5,
    () => changeOnCopy(room, (copy) => suggestChange(copy, { insert: { at: place, text: 'written ' } }, signature)),
    1,
  )
  // A co-chair rejects suggestions one by one (each removes its words from the text).
  const ids = [...textRoom(room).pendingChanges.values()].filter((c) => c.status === 'pending').map((c) => c.id)
  let next = 0
  time(
    `co-chair: rejecting one suggestion on the ${name}`,
    Math.min(40, ids.length - 5),
    () => {
      const decided = decidePendingChange(room, ids[next++]!, false, { by: 'chair', at: 'now' })
      if (!Array.isArray(decided)) throw new Error(decided.refused)
    },
    5,
  )
}

const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
const corpus = path.resolve(root, '../shared/corpus/cma6_art6-2_draft_decision_party_inputs_2024.docx')
const candidates = [corpus, path.resolve(root, '../../shared/corpus/cma6_art6-2_draft_decision_party_inputs_2024.docx')]
const file = candidates.find((f) => {
  try {
    readFileSync(f)
    return true
  } catch {
    return false
  }
})!
seedNegotiationDocFromDocx(rooms, await readDocx(new Uint8Array(readFileSync(file))), {
  by: 's',
  at: 'now',
  roster: readRoster(),
})
const comments = proposalsRoom(rooms.proposals).comments.toJSON()
time('editor: every comment thread’s range (95, corpus)', 200, () => threadSpans(rooms.text, comments))
time('editor: every pending change’s range (91, corpus)', 200, () => pendingSpans(rooms.text))
