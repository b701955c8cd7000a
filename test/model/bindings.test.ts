// The template's bindings name real nodes, and each quotes the text it binds.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { inline } from '../../shared/serialize/plain.ts'
import { readBindings } from '../../shared/model/bindings.ts'
import { schema } from '../../shared/schema/index.ts'
import { template, templateDoc } from './template-model.ts'

function nodesById(doc: Node): Map<string, Node> {
  const out = new Map<string, Node>()
  doc.descendants((n) => {
    if (n.attrs.id) out.set(n.attrs.id, n)
  })
  return out
}

function textOf(node: Node): string {
  const out: string[] = []
  if (node.isInline) inline(schema.nodes.paragraph.create(null, node), out)
  else inline(node.firstChild!, out)
  return out.join('')
}

describe('template bindings', () => {
  const byId = nodesById(templateDoc)

  it('binds nodes that exist, by the text they quote', () => {
    for (const [id, b] of Object.entries(template.bindings)) {
      const nodeId = 'group' in b ? b.group : 'optional' in b ? b.optional : 'section' in b ? b.section : b.placeholder
      const node = byId.get(nodeId)
      expect(node, `${id}: ${nodeId}`).toBeDefined()
      if (b.quote) expect(textOf(node!), id).toContain(b.quote)
      if ('placeholder' in b) expect(node!.attrs.name, id).toBe(b.variable)
      if ('group' in b) {
        const alts: string[] = []
        node!.forEach((a) => {
          if (a.type.name === 'alternative') alts.push(a.attrs.id)
        })
        expect(Object.keys(b.values).sort(), id).toEqual(alts.sort())
      }
    }
  })

  it('binds both period brackets and both multipliers, the LULUCF sentence and every X of 1 bis', () => {
    const vars = Object.values(template.bindings).map((b) => b.variable)
    expect(vars.filter((v) => v === 'cp2.period')).toHaveLength(5)
    expect(vars.filter((v) => v === 'cp2.years')).toHaveLength(1)
    expect(vars.filter((v) => v === 'cp3.years')).toHaveLength(1)
    expect(vars.filter((v) => v === 'X')).toHaveLength(5)
    expect(vars).toContain('lulucf')
    expect(vars).toContain('annexB.layout')
  })

  it('refuses a malformed binding, naming it and the field', () => {
    expect(() => readBindings({ bad: { variable: 'cp2.years', group: 'g40', values: { 'g40.1': 'five' } } })).toThrow(
      /bindings\.bad\.values\.g40\.1: cp2\.years .* must be a number/,
    )
    expect(() => readBindings({ bad: { variable: 'Y', placeholder: 'p1' } })).toThrow(
      /bindings\.bad\.variable: unknown variable "Y"/,
    )
  })
})
