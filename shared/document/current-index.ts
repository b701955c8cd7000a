/**
 * The index of a text room's document, kept for as long as its text stays the same:
 * judging a resolution needs the index, and rebuilding it reads the whole text.
 */
import type * as Y from 'yjs'
import { indexDocument, type DocumentIndex } from '../model/document-index.ts'
import { readNegotiationDoc } from './negotiation-doc.ts'
import { textRoom } from './text-room.ts'

/** A text room's index, rebuilt on first use after the text changed. */
export class CurrentIndex {
  private index: DocumentIndex | undefined
  // The text fragment as a plain shared type: transactions key their changes by AbstractType.
  private readonly text: Y.AbstractType<any>
  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changedParentTypes.has(this.text) || transaction.changed.has(this.text)) this.index = undefined
  }

  constructor(private readonly ydoc: Y.Doc) {
    this.text = textRoom(ydoc).text as unknown as Y.AbstractType<any>
    ydoc.on('afterTransaction', this.onTransaction)
  }

  /** The index of the text as it stands. */
  get(): DocumentIndex {
    return (this.index ??= indexDocument(readNegotiationDoc(this.ydoc)))
  }

  /** Stops watching the document. */
  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction)
  }
}
