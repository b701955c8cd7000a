import * as Y from 'yjs'
import { importText } from '../shared/import/index.ts'
import { serializeText } from '../shared/serialize/plain.ts'
import { summarize } from '../shared/inspect/summary.ts'
import { writeNegotiationDoc, readNegotiationDoc } from '../shared/collab/document.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { structureOutline } from '../shared/inspect/structure-outline.ts'
for (const n of [2500, 10000, 40000]) {
  const text = 'The Parties ' + '['.repeat(n) + 'core' + ']'.repeat(n) + ' agree.\n'
  let t = performance.now()
  const { doc } = importText(text)
  const ti = performance.now() - t
  t = performance.now(); const back = serializeText(doc); const ts = performance.now() - t
  t = performance.now(); const s = summarize(doc); const tsum = performance.now() - t
  t = performance.now(); const y = new Y.Doc(); writeNegotiationDoc(y, doc); const d2 = readNegotiationDoc(y); const ty = performance.now() - t
  t = performance.now(); const sc = { resolutions: { g1: 'kept', g5000: 'deleted' }, values: {}, inscriptions: {} }; const c = consolidate(doc, sc); const f = checkRemovals(doc, sc, c.doc); const tc = performance.now() - t
  t = performance.now(); structureOutline(doc); indexDocument(doc); const to = performance.now() - t
  console.log(n, back === text, s.maxDepth, serializeText(d2) === text, f.length, `import ${ti.toFixed(0)} ser ${ts.toFixed(0)} sum ${tsum.toFixed(0)} y ${ty.toFixed(0)} cons+check ${tc.toFixed(0)} outline+index ${to.toFixed(0)} ms`)
}
