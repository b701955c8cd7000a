/**
 * A negotiation document as a Yjs document: the text as a ProseMirror fragment
 * (`text`), with its plain-text framing and schema version in `meta`. The model
 * state (resolutions, bindings, variables) lives beside it in the same Y.Doc,
 * since co-chairs write both; proposals, which delegations write, go in a
 * separate document.
 */
import * as Y from 'yjs'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import type { Node } from 'prosemirror-model'
import { importText, type Annotation, type Diagnostic } from '../import/index.ts'
import { summarize, type TextSummary } from '../inspect/summary.ts'
import { schema, SCHEMA_VERSION } from '../schema/index.ts'
import { serializeText } from '../serialize/plain.ts'
import type { Bindings } from '../model/bindings.ts'
import { writeSharedBindings } from '../model/shared-state.ts'

/** Name of the XmlFragment that holds the text. */
export const TEXT_FRAGMENT = 'text'
/** Name of the map with framing, schema version and import diagnostics. */
export const META_MAP = 'meta'

/**
 * Import `text` into an empty `ydoc` in one transaction, with the bindings that
 * tie its brackets and placeholders to the model (a template's `bindings.json`).
 */
export function seedNegotiationDoc(
  ydoc: Y.Doc,
  text: string,
  annotations: Annotation[] = [],
  bindings: Bindings = {},
): { diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = importText(text, { annotations })
  ydoc.transact(() => {
    writeNegotiationDoc(ydoc, doc, diagnostics)
    writeSharedBindings(ydoc, bindings)
  })
  return { diagnostics }
}

/** Write an imported document into an empty `ydoc`. */
export function writeNegotiationDoc(ydoc: Y.Doc, doc: Node, diagnostics: Diagnostic[] = []): void {
  ydoc.transact(() => {
    const meta = ydoc.getMap(META_MAP)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('eol', doc.attrs.eol)
    meta.set('bom', doc.attrs.bom)
    meta.set('trail', doc.attrs.trail)
    meta.set('diagnostics', diagnostics)
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(TEXT_FRAGMENT))
  })
}

/** The document held by `ydoc`, as a ProseMirror node with its framing. */
export function readNegotiationDoc(ydoc: Y.Doc): Node {
  const body = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), schema)
  const meta = ydoc.getMap(META_MAP)
  const attrs = { eol: meta.get('eol') ?? '\n', bom: meta.get('bom') ?? false, trail: meta.get('trail') ?? 1 }
  return schema.nodes.doc.create(attrs, body.content)
}

/** The plain text of `ydoc`. */
export function negotiationDocText(ydoc: Y.Doc): string {
  return serializeText(readNegotiationDoc(ydoc))
}

/** Structure counts of `ydoc`, with the diagnostics recorded at import. */
export function summarizeNegotiationDoc(ydoc: Y.Doc): TextSummary {
  const diagnostics = (ydoc.getMap(META_MAP).get('diagnostics') as Diagnostic[] | undefined) ?? []
  return summarize(readNegotiationDoc(ydoc), diagnostics)
}
