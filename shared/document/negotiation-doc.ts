/**
 * A negotiation document in its text room: the text as a ProseMirror fragment, with
 * its plain-text framing, schema version and import diagnostics in `meta`, and the
 * bindings that tie its brackets and placeholders to the model.
 */
import * as Y from 'yjs'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import type { Node } from 'prosemirror-model'
import { importText, type Annotation, type Diagnostic, type Guess } from '../import/index.ts'
import { summarize, type TextSummary } from '../inspect/summary.ts'
import { schema, SCHEMA_VERSION } from '../schema/index.ts'
import { serializeText } from '../serialize/plain.ts'
import type { Bindings } from '../model/bindings.ts'
import { writeSharedBindings } from './model-state.ts'
import { textRoom } from './text-room.ts'

/**
 * Import `text` into an empty `ydoc` in one transaction, with the bindings that
 * tie its brackets and placeholders to the model (a template's `bindings.json`).
 */
export function seedNegotiationDoc(
  ydoc: Y.Doc,
  text: string,
  annotations: Annotation[] = [],
  bindings: Bindings = {},
): { diagnostics: Diagnostic[]; guesses: Guess[] } {
  const { doc, diagnostics, guesses } = importText(text, { annotations })
  ydoc.transact(() => {
    writeNegotiationDoc(ydoc, doc, diagnostics)
    writeSharedBindings(ydoc, bindings)
  })
  return { diagnostics, guesses }
}

/** Write an imported document into `ydoc` (only what differs from what it holds is changed). */
export function writeNegotiationDoc(ydoc: Y.Doc, doc: Node, diagnostics: Diagnostic[] = []): void {
  const room = textRoom(ydoc)
  ydoc.transact(() => {
    room.meta.set('schemaVersion', SCHEMA_VERSION)
    room.meta.set('eol', doc.attrs.eol)
    room.meta.set('bom', doc.attrs.bom)
    room.meta.set('trail', doc.attrs.trail)
    room.meta.set('diagnostics', diagnostics)
    prosemirrorToYXmlFragment(doc, room.text)
  })
}

/** The document held by `ydoc`, as a ProseMirror node with its framing. */
export function readNegotiationDoc(ydoc: Y.Doc): Node {
  const room = textRoom(ydoc)
  const body = yXmlFragmentToProseMirrorRootNode(room.text, schema)
  const attrs = {
    eol: room.meta.get('eol') ?? '\n',
    bom: room.meta.get('bom') ?? false,
    trail: room.meta.get('trail') ?? 1,
  }
  return schema.nodes.doc.create(attrs, body.content)
}

/** The import diagnostics recorded in `ydoc`. */
export function importDiagnostics(ydoc: Y.Doc): Diagnostic[] {
  return (textRoom(ydoc).meta.get('diagnostics') as Diagnostic[] | undefined) ?? []
}

/** The schema version `ydoc` was written with, if any. */
export function documentSchemaVersion(ydoc: Y.Doc): number | undefined {
  const version = textRoom(ydoc).meta.get('schemaVersion')
  return typeof version === 'number' ? version : undefined
}

/** The plain text of `ydoc`. */
export function negotiationDocText(ydoc: Y.Doc): string {
  return serializeText(readNegotiationDoc(ydoc))
}

/** Structure counts of `ydoc`, with the diagnostics recorded at import. */
export function summarizeNegotiationDoc(ydoc: Y.Doc): TextSummary {
  return summarize(readNegotiationDoc(ydoc), importDiagnostics(ydoc))
}
