/**
 * How long a co-chair's streamlining step takes on the template, and on a text
 * ten times its size (the template's sections repeated, ids made unique): the
 * operation alone on an EditorState, and the whole step on a shared document —
 * read the text, run the operation, follow it in the model, write the new text
 * back through y-prosemirror's diffing writer — plus the size of the update it
 * sends. The ratio of the two sizes shows what grows with the document.
 *
 *   npx tsx bench/streamline.ts
 */
import * as Y from 'yjs'
import { EditorState } from 'prosemirror-state'
import { readNegotiationDoc, seedNegotiationDoc } from '../shared/document/negotiation-doc.ts'
import { takeStep } from '../shared/document/streamline-step.ts'
import { acceptBracketText, mergeOptions, regroupBrackets, type StepResult } from '../shared/streamline/index.ts'
import { readDocumentTemplate } from '../server/templates/read-template.ts'

const template = readDocumentTemplate()

/** The template's text repeated `n` times (ids come from the importer, so they stay unique). */
function seeded(n: number): Y.Doc {
  const doc = new Y.Doc()
  const text = n === 1 ? template.text : Array.from({ length: n }, () => template.text).join('\n')
  seedNegotiationDoc(doc, text, n === 1 ? template.annotations : [], n === 1 ? template.bindings : {})
  return doc
}

const operations: [string, (s: EditorState) => StepResult][] = [
  ['merge Annex B Options 1 and 2', (s) => mergeOptions(s, 'o1', 'o2')],
  ['regroup g49 and g50', (s) => regroupBrackets(s, 'g49', 'g50')],
  ['accept [2013 to 2020] as clean text', (s) => acceptBracketText(s, 'g39', 'g39.2')],
]

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

for (const n of [1, 10]) {
  const base = seeded(n)
  const state = EditorState.create({ doc: readNegotiationDoc(base) })
  const snapshot = Y.encodeStateAsUpdate(base)
  console.log(
    `text ×${n}: ${(snapshot.length / 1024).toFixed(0)} KiB of Yjs state, ${state.doc.content.size} positions`,
  )
  for (const [label, run] of operations) {
    const pure: number[] = []
    const shared: number[] = []
    let sent = 0
    for (let i = 0; i < 15; i++) {
      let t = performance.now()
      const result = run(state)
      pure.push(performance.now() - t)
      if ('error' in result) throw new Error(`${label}: ${result.error}`)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, snapshot)
      let bytes = 0
      doc.on('update', (u: Uint8Array) => (bytes += u.length))
      t = performance.now()
      const taken = takeStep(doc, run)
      shared.push(performance.now() - t)
      if ('error' in taken) throw new Error(`${label}: ${taken.error}`)
      sent = bytes
      doc.destroy()
    }
    console.log(
      `  ${label.padEnd(38)} operation ${median(pure).toFixed(2).padStart(7)} ms   whole step ${median(shared).toFixed(1).padStart(7)} ms   update ${sent} B`,
    )
  }
}
