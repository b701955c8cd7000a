/**
 * A suggestion: words typed into the text, or words struck from it, that wait
 * for a co-chair's decision instead of changing the text. It is the same
 * record as Word's tracked changes: an insertion writes its words into the
 * text with an insertion record over them (rejecting it takes them out), a
 * deletion only records the span (accepting it takes the words out). Typing
 * over a selection is both, in one step, as Word records it. The caller — the
 * server — signs and dates it; places are Yjs relative positions, so a
 * suggestion sent while others type lands where its author typed it.
 */
import { Fragment, type Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import type * as Y from 'yjs'
import { z } from 'zod'
import { freshId } from '../document/fresh-id.ts'
import { readNegotiationDoc } from '../document/negotiation-doc.ts'
import { loadPosition, PositionMapper, type StoredPosition } from '../document/relative-positions.ts'
import { anchoredRange, StoredPositionSchema, TextAnchorSchema } from '../document/text-anchor.ts'
import { textRoom } from '../document/text-room.ts'
import { recordPendingChanges, type PendingDraft } from './decide.ts'
import type { PendingChange } from './pending-change.ts'

/** Largest insertion one suggestion makes, in characters. */
export const MAX_SUGGESTED_CHARS = 10_000

/** What a suggestion asks for: words inserted at a place, a span struck, or both. */
export const SuggestionSchema = z
  .object({
    insert: z
      .object({
        at: StoredPositionSchema,
        text: z
          .string()
          .min(1)
          .max(MAX_SUGGESTED_CHARS)
          .refine((t) => !/[\u0000-\u001f\u007f]/.test(t), 'words within one line: no line breaks, tabs or controls'),
      })
      .strict()
      .optional(),
    delete: TextAnchorSchema.optional(),
  })
  .strict()
  .refine((s) => s.insert || s.delete, 'a suggestion inserts words, deletes a span, or both')

/** A suggestion as sent. */
export type Suggestion = z.infer<typeof SuggestionSchema>

/** Who suggests, for whom, and when (the server's clock). */
export interface SuggestionSignature {
  by: string
  /** The Party a delegation speaks for. */
  party?: string
  at: string
}

/** Why a suggestion cannot be made, at the field of the request at fault. */
export interface SuggestionRefusal {
  refused: string
  field: 'insert' | 'delete'
}

/** Make `suggestion` in the text room `ydoc`, signed `signature`; the records it made, or why not. */
export function suggestChange(
  ydoc: Y.Doc,
  suggestion: Suggestion,
  signature: SuggestionSignature,
): PendingChange[] | SuggestionRefusal {
  const fragment = textRoom(ydoc).text
  const mapper = new PositionMapper(fragment)
  const doc = readNegotiationDoc(ydoc)
  let struck: { from: number; to: number } | null = null
  if (suggestion.delete) {
    struck = anchoredRange(mapper, suggestion.delete)
    const why = refuseSpan(doc, struck)
    if (why) return { refused: why, field: 'delete' }
  }
  let at: number | null = null
  const words = suggestion.insert?.text ?? ''
  if (suggestion.insert) {
    at = mapper.toAbsolute(loadPosition(suggestion.insert.at as StoredPosition))
    const why = refusePlace(doc, at, words)
    if (why) return { refused: why, field: 'insert' }
  }
  const tr = new Transform(doc)
  if (at !== null) tr.insert(at, doc.type.schema.text(words, doc.resolve(at).marks()))
  const sign = { author: signature.by, ...(signature.party ? { party: signature.party } : {}) }
  const common = { ...sign, by: signature.by, at: signature.at, source: 'suggestion' as const }
  const drafts: PendingDraft[] = []
  if (struck)
    drafts.push({
      id: freshId('s'),
      kind: 'deletion',
      text: spanText(doc, struck.from, struck.to),
      ...common,
      from: tr.mapping.map(struck.from, 1),
      to: tr.mapping.map(struck.to, -1),
    })
  if (at !== null)
    drafts.push({ id: freshId('s'), kind: 'insertion', text: words, ...common, from: at, to: at + words.length })
  let made: PendingChange[] = []
  ydoc.transact(() => {
    if (tr.docChanged) prosemirrorToYXmlFragment(tr.doc, fragment)
    made = recordPendingChanges(ydoc, drafts)
  })
  return made
}

function refuseSpan(doc: Node, span: { from: number; to: number } | null): string | null {
  if (!span || span.to <= span.from) return 'the words to strike are gone: someone changed them meanwhile'
  const $from = doc.resolve(span.from)
  const $to = doc.resolve(span.to)
  if (!$from.parent.inlineContent || !$from.sameParent($to))
    return 'strike words within one paragraph, cell or bracket: select them again inside it'
  return null
}

function refusePlace(doc: Node, at: number | null, words: string): string | null {
  if (at === null) return 'the place to insert at is gone: someone deleted the words around it'
  const $at = doc.resolve(at)
  const index = $at.index()
  if (!$at.parent.inlineContent || !$at.parent.canReplace(index, index, Fragment.from(doc.type.schema.text(words))))
    return 'words go inside a paragraph, cell or bracket, not between blocks'
  return null
}

// The words of a span as a reader sees them: leaves (placeholders, labels, footnote marks) as written.
function spanText(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, ' ', (leaf) => String(leaf.attrs.text || leaf.attrs.name || ''))
}
