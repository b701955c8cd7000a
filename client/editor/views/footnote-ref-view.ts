/**
 * A footnote marker that shows its footnote where it is referenced: the marker
 * as written, and the note's text on hover or keyboard focus (and as its
 * accessible description), so nobody has to scroll to the page's foot.
 */
import type { Node } from 'prosemirror-model'
import type { EditorView, NodeView } from 'prosemirror-view'
import { footnoteText } from '../footnote-lookup.ts'

/** The view of a `footnote_ref`. */
export class FootnoteRefView implements NodeView {
  dom: HTMLElement
  private note: HTMLElement

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'footnote-ref'
    this.dom.contentEditable = 'false'
    const marker = document.createElement('sup')
    marker.textContent = node.attrs.label
    this.note = document.createElement('span')
    this.note.className = 'footnote-popup'
    this.note.setAttribute('role', 'tooltip')
    this.dom.append(marker, this.note)
    this.dom.addEventListener('mouseenter', () => this.fill())
    this.fill()
  }

  ignoreMutation(): boolean {
    return true
  }

  private fill(): void {
    const pos = this.getPos()
    const text = pos === undefined ? null : footnoteText(this.view.state.doc, pos, this.node.attrs.label)
    this.note.textContent = text
      ? `${this.node.attrs.label} ${text}`
      : `note ${this.node.attrs.label} not found in the text`
    this.dom.setAttribute('aria-label', `footnote ${this.node.attrs.label}: ${text ?? 'not found'}`)
  }
}
