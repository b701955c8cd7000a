// The server judges resolutions against the nodes it reads straight from the Yjs tree;
// the model reads them from the ProseMirror index. The two must agree on every group,
// every option and every run, or the server would admit a choice the model reads
// differently (choosing an option drops the others of its run: the same run on both sides).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { resolvableNodes, type ResolvableNodes } from '../../shared/document/resolvable-nodes.ts'
import { importText } from '../../shared/import/index.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { block, doc, option, p } from '../builder.ts'
import { CORPUS_TEXTS, OWN_TEXTS, readText } from '../import/texts.ts'
import { templateDoc } from '../model/template-model.ts'

/** What the judge reads of a node set: alternatives per group, place and run per option, the runs. */
function judged(nodes: ResolvableNodes) {
  return {
    groups: [...nodes.groups.values()].map((g) => [g.id, g.alternatives]),
    options: [...nodes.options.values()].map((o) => [o.id, o.section, o.run, o.parent]),
    runs: [...nodes.runs.entries()],
  }
}

function bothReadings(text: Node) {
  const ydoc = new Y.Doc()
  writeNegotiationDoc(ydoc, text)
  return { tree: judged(resolvableNodes(ydoc)), index: judged(indexDocument(readNegotiationDoc(ydoc))) }
}

const nested = [
  'Article 7',
  '1. Option A: The Parties shall [report][communicate]:',
  '(a) Option 1: annually;',
  'Option 2: every two years;',
  '(b) Publish the reports.',
  'Option B: No provision.',
  '2. The CMA shall [review] the reports.',
].join('\n')

describe('the resolvable nodes read from the Yjs tree', () => {
  it.each([...CORPUS_TEXTS, ...OWN_TEXTS])('agree with the index on %s', (name) => {
    const { tree, index } = bothReadings(importText(readText(name)).doc)
    expect(tree).toEqual(index)
    expect(tree.groups.length).toBeGreaterThan(0)
  })

  it('agree with the index on the template', () => {
    const { tree, index } = bothReadings(templateDoc)
    expect(tree).toEqual(index)
    expect(tree.runs.length).toBeGreaterThan(1)
  })

  it('agree on options nested in an option, and on the rest of the option after them', () => {
    const imported = importText(nested).doc
    const kinds: string[] = []
    imported.descendants((n) => {
      if (n.type.name === 'option') kinds.push(n.attrs.continues ? 'rest' : n.attrs.parent ? 'nested' : 'option')
      return true
    })
    // The case this test is for: a run inside an option, and the option going on after it.
    expect(kinds).toEqual(['option', 'nested', 'nested', 'rest', 'option'])
    const { tree, index } = bothReadings(imported)
    expect(tree).toEqual(index)
    expect(tree.runs.map(([, members]) => members.length)).toEqual([2, 2])
  })

  it('agree on a document made before runs: the options of a division are one run', () => {
    const old = doc(
      block('section', { id: 's1' })(
        p('A. Annex B'),
        option({ id: 'o1' })(p('Option 1')),
        option({ id: 'o2' })(p('Option 2')),
      ),
      block('section', { id: 's2' })(p('B. Article 3'), option({ id: 'o3' })(p('Option 1'))),
    )
    const { tree, index } = bothReadings(old)
    expect(tree).toEqual(index)
    expect(tree.runs).toEqual([
      ['s1/options', ['o1', 'o2']],
      ['s2/options', ['o3']],
    ])
  })
})
