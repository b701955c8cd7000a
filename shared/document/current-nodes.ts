/**
 * What resolutions can name in a text room, kept for as long as its text stays the
 * same: judging a resolution needs it, and rereading it walks the whole text.
 */
import type * as Y from 'yjs'
import { resolvableNodes, type ResolvableNodes } from './resolvable-nodes.ts'
import { textRoom } from './text-room.ts'

/** A text room's resolvable nodes, reread on first use after the text changed. */
export class CurrentNodes {
  private nodes: ResolvableNodes | undefined
  // The text fragment as a plain shared type: transactions key their changes by AbstractType.
  private readonly text: Y.AbstractType<any>
  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changedParentTypes.has(this.text) || transaction.changed.has(this.text)) this.nodes = undefined
  }

  constructor(private readonly ydoc: Y.Doc) {
    this.text = textRoom(ydoc).text as unknown as Y.AbstractType<any>
    ydoc.on('afterTransaction', this.onTransaction)
  }

  /** What resolutions can name in the text as it stands. */
  get(): ResolvableNodes {
    return (this.nodes ??= resolvableNodes(this.ydoc))
  }

  /** Stops watching the document. */
  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction)
  }
}
