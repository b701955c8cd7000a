/**
 * ProseMirror positions of the shared text ↔ Yjs relative positions, computed
 * from the Y.XmlFragment itself (no editor binding needed), in the same form
 * y-prosemirror uses for cursors: inside a text, relative to that Y.XmlText's
 * characters; between nodes, relative to the parent element's children. A
 * relative position names the character it sticks to, so an anchor stays on
 * its words while others edit around it, and resolves to null once its words
 * (their paragraph, or the node holding them) are deleted.
 *
 * Node sizes follow ProseMirror: a text counts its characters, a leaf node
 * (label, placeholder, footnote mark …) one, any other node two plus its content.
 */
import * as Y from 'yjs'
import { schema } from '../schema/index.ts'

/** A relative position as stored in a map entry (`Y.relativePositionToJSON`). */
export type StoredPosition = ReturnType<typeof Y.relativePositionToJSON>

/**
 * Converts positions for one state of `fragment`; sizes are cached, so make a
 * new mapper after the fragment changes.
 */
export class PositionMapper {
  private readonly sizes = new Map<Y.AbstractType<any>, number>()

  constructor(private readonly fragment: Y.XmlFragment) {}

  /**
   * The relative position of document position `pos`. `assoc` ≥ 0 sticks to the
   * character after it (the start of a range), < 0 to the one before (its end).
   */
  toRelative(pos: number, assoc: number): Y.RelativePosition {
    return this.within(this.fragment, pos, assoc)
  }

  /** The document position `rel` stands for now, or null when its place was deleted. */
  toAbsolute(rel: Y.RelativePosition): number | null {
    const doc = this.fragment.doc
    if (!doc) return null
    const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc)
    if (!abs) return null
    let node: Y.AbstractType<any> = abs.type
    let pos = node instanceof Y.XmlText ? abs.index : this.sizeOfFirst(node, abs.index)
    while (node !== this.fragment) {
      const item = node._item
      if (!item || item.deleted) return null
      const parent = item.parent as Y.AbstractType<any>
      pos = this.sizeBefore(parent, node) + (node instanceof Y.XmlText ? 0 : 1) + pos
      node = parent
    }
    return pos
  }

  private within(type: Y.XmlFragment | Y.XmlElement, pos: number, assoc: number): Y.RelativePosition {
    const children = type.toArray()
    for (let i = 0; i < children.length; i++) {
      if (pos === 0) return Y.createRelativePositionFromTypeIndex(type, i, assoc)
      const c = children[i]
      if (c instanceof Y.XmlText) {
        if (pos < c.length || (pos === c.length && assoc < 0))
          return Y.createRelativePositionFromTypeIndex(c, pos, assoc)
        pos -= c.length
        continue
      }
      const size = this.size(c)
      if (pos < size) return this.within(c as Y.XmlElement, pos - 1, assoc)
      pos -= size
    }
    if (pos !== 0)
      throw new RangeError(`position beyond the end of <${type instanceof Y.XmlElement ? type.nodeName : 'fragment'}>`)
    return Y.createRelativePositionFromTypeIndex(type, children.length, assoc)
  }

  private size(t: Y.AbstractType<any>): number {
    if (t instanceof Y.XmlText) return t.length
    let size = this.sizes.get(t)
    if (size === undefined) {
      const e = t as Y.XmlElement
      if (schema.nodes[e.nodeName]?.isLeaf) size = 1
      else {
        size = 2
        for (const c of e.toArray()) size += this.size(c)
      }
      this.sizes.set(t, size)
    }
    return size
  }

  private sizeOfFirst(type: Y.AbstractType<any>, count: number): number {
    let size = 0
    const children = (type as Y.XmlElement).toArray()
    for (let i = 0; i < count && i < children.length; i++) size += this.size(children[i])
    return size
  }

  private sizeBefore(parent: Y.AbstractType<any>, node: Y.AbstractType<any>): number {
    let size = 0
    for (const c of (parent as Y.XmlElement).toArray()) {
      if (c === node) return size
      size += this.size(c)
    }
    return size
  }
}

/** A relative position in its stored (JSON) form. */
export function storePosition(rel: Y.RelativePosition): StoredPosition {
  return Y.relativePositionToJSON(rel)
}

/** A stored relative position back as a `Y.RelativePosition`. */
export function loadPosition(stored: StoredPosition): Y.RelativePosition {
  return Y.createRelativePositionFromJSON(stored)
}
