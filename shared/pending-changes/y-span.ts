/**
 * Spans of the text worked on in the Yjs tree itself, without turning the whole
 * document into ProseMirror and writing it back through the diffing writer
 * (which costs about as much as the text is long: over half a second on a
 * 115-page text). A span whose ends lie in one element — a paragraph, a cell,
 * an alternative — is read, removed or written into directly; a span across
 * blocks (a tracked paragraph mark) is left to the caller's general path.
 */
import * as Y from 'yjs'
import { schema } from '../schema/index.ts'
import { loadPosition, storePosition, type StoredPosition } from '../document/relative-positions.ts'
import type { TextAnchor } from '../document/text-anchor.ts'

type Parent = Y.XmlElement | Y.XmlFragment

/** A place among an element's children: before character `offset` of child `child` (0 for a child that is no text). */
interface Point {
  parent: Parent
  child: number
  offset: number
}

/** A span within one element. */
export interface ElementSpan {
  parent: Parent
  from: Point
  to: Point
}

/** The place a stored relative position stands for now, or null when it (or an element holding it) is gone. */
export function pointAt(fragment: Y.XmlFragment, stored: StoredPosition): Point | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(loadPosition(stored), fragment.doc!)
  if (!abs || !alive(abs.type, fragment)) return null
  if (abs.type instanceof Y.XmlText) {
    const parent = abs.type.parent as Parent | null
    if (!parent) return null
    const child = parent.toArray().indexOf(abs.type)
    // The end of a text is the place before its next sibling.
    return abs.index >= abs.type.length ? { parent, child: child + 1, offset: 0 } : { parent, child, offset: abs.index }
  }
  return { parent: abs.type as Parent, child: abs.index, offset: 0 }
}

/** The span `anchor` covers now when both ends lie in one element: 'gone' for no words, null when across elements. */
export function elementSpan(fragment: Y.XmlFragment, anchor: TextAnchor): ElementSpan | 'gone' | null {
  const from = pointAt(fragment, anchor.from as StoredPosition)
  const to = pointAt(fragment, anchor.to as StoredPosition)
  if (!from || !to) return 'gone'
  if (from.parent !== to.parent) return null
  const order = from.child - to.child || from.offset - to.offset
  return order >= 0 ? 'gone' : { parent: from.parent, from, to }
}

/** Whether an element of this kind holds words (a paragraph, a cell, an alternative — not a section). */
export function holdsWords(parent: Parent): boolean {
  if (!(parent instanceof Y.XmlElement)) return false
  const type = schema.nodes[parent.nodeName]
  return !!type?.inlineContent && type.contentMatch.matchType(schema.nodes.text) !== null
}

/** The words of `span` as a reader sees them (leaves — placeholders, labels, marks — as written). */
export function spanWords(span: ElementSpan): string {
  let out = ''
  eachPart(span, (child, a, b) => {
    out += child instanceof Y.XmlText ? plain(child).slice(a, b) : words(child as Y.XmlElement)
  })
  return out
}

/** The anchor of `span` as `anchorRange` makes one: the start sticks to its first character, the end to its last. */
export function spanAnchor(span: ElementSpan): TextAnchor {
  return { from: storedAt(span.from, 0), to: storedAt(span.to, -1) } as TextAnchor
}

/** The anchor of `length` characters of `type` from `index`. */
export function wordsAnchor(type: Y.XmlText, index: number, length: number): TextAnchor {
  return {
    from: storePosition(Y.createRelativePositionFromTypeIndex(type, index, 0)),
    to: storePosition(Y.createRelativePositionFromTypeIndex(type, index + length, -1)),
  } as TextAnchor
}

// The relative position of a point, sticking to the character after it (assoc ≥ 0) or before it.
function storedAt(point: Point, assoc: number): StoredPosition {
  const children = point.parent.toArray()
  const here = children[point.child]
  const before = children[point.child - 1]
  const rel =
    assoc >= 0
      ? here instanceof Y.XmlText
        ? Y.createRelativePositionFromTypeIndex(here, point.offset, assoc)
        : Y.createRelativePositionFromTypeIndex(point.parent, point.child, assoc)
      : point.offset > 0
        ? Y.createRelativePositionFromTypeIndex(here as Y.XmlText, point.offset, assoc)
        : before instanceof Y.XmlText
          ? Y.createRelativePositionFromTypeIndex(before, before.length, assoc)
          : Y.createRelativePositionFromTypeIndex(point.parent, point.child, assoc)
  return storePosition(rel)
}

/** Remove the words of `span` from the text (inside the caller's transaction). */
export function removeSpan(span: ElementSpan): void {
  const parts: [Y.XmlText | Y.XmlElement, number, number, boolean][] = []
  eachPart(span, (child, a, b, whole) => parts.push([child, a, b, whole]))
  // From the end, so that the indices of what is left to remove hold.
  for (const [child, a, b, whole] of parts.reverse()) {
    if (whole) span.parent.delete(span.parent.toArray().indexOf(child), 1)
    else (child as Y.XmlText).delete(a, b - a)
  }
}

/**
 * Write `text` at `point` (plain, with no formatting of its neighbours) and return the
 * text type and index it starts at.
 */
export function insertWords(point: Point, text: string): { type: Y.XmlText; index: number } {
  const children = point.parent.toArray()
  const here = children[point.child]
  if (here instanceof Y.XmlText) {
    here.insert(point.offset, text, {})
    return { type: here, index: point.offset }
  }
  const before = children[point.child - 1]
  if (before instanceof Y.XmlText) {
    const index = before.length
    before.insert(index, text, {})
    return { type: before, index }
  }
  const fresh = new Y.XmlText()
  point.parent.insert(point.child, [fresh])
  fresh.insert(0, text)
  return { type: fresh, index: 0 }
}

// Each child the span touches, with the characters it covers of a text, and whether all of it.
function eachPart(
  span: ElementSpan,
  visit: (child: Y.XmlText | Y.XmlElement, from: number, to: number, whole: boolean) => void,
): void {
  const children = span.parent.toArray() as (Y.XmlText | Y.XmlElement)[]
  for (let i = span.from.child; i <= span.to.child && i < children.length; i++) {
    const child = children[i]
    const size = child instanceof Y.XmlText ? child.length : 1
    const a = i === span.from.child ? span.from.offset : 0
    const b = i === span.to.child ? span.to.offset : size
    if (i === span.to.child && b === 0) break
    // A text loses characters; any other child (a placeholder, a bracket group) goes whole.
    if (b > a) visit(child, a, b, !(child instanceof Y.XmlText))
  }
}

function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('')
}

function words(element: Y.XmlElement): string {
  if (schema.nodes[element.nodeName]?.isLeaf)
    return String(element.getAttribute('text') || element.getAttribute('name') || '')
  return element
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? plain(c) : words(c as Y.XmlElement)))
    .join('')
}

function alive(type: Y.AbstractType<any>, fragment: Y.XmlFragment): boolean {
  for (let t: Y.AbstractType<any> | null = type; t && t !== fragment; t = t._item?.parent as Y.AbstractType<any>) {
    if (!t._item || t._item.deleted) return false
  }
  return true
}
