// The template in a Y.Doc: what one replica writes, another reads back exactly.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  negotiationDocText,
  seedNegotiationDoc,
  summarizeNegotiationDoc,
} from '../../shared/document/negotiation-doc.ts'
import { SCHEMA_VERSION } from '../../shared/schema/index.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const text = readFileSync(new URL('../../templates/non-paper/text.txt', import.meta.url), 'utf8')

describe('negotiation document in Yjs', () => {
  it('syncs to a second replica that serializes the same text', () => {
    const a = new Y.Doc()
    const { diagnostics } = seedNegotiationDoc(a, text)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(negotiationDocText(b)).toBe(text)
    expect(textRoom(b).meta.get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(summarizeNegotiationDoc(b)).toMatchObject({ options: 22, diagnostics })
  })

  it('keeps CRLF framing through Yjs', () => {
    const crlf = '\uFEFFOption 1\r\n\r\n[a][b]\r\n\r\n'
    const a = new Y.Doc()
    seedNegotiationDoc(a, crlf)
    expect(negotiationDocText(a)).toBe(crlf)
  })
})
