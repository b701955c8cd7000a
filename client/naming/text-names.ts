/**
 * Names as the reader's text says them, for the panels beside the editor: they ask by
 * key (a node id, an inscription cell, a variable) and get what the text calls it now —
 * the text on screen and the period the model has chosen (`shared/naming/`).
 */
import type { Node } from 'prosemirror-model'
import type { Period } from '../../shared/model/variables.ts'
import { nameReference } from '../../shared/naming/reference-name.ts'

/** Names keys against the text on screen. */
export class TextNames {
  constructor(
    private readonly docOf: () => Node | null,
    private readonly periodOf: () => Period | null,
  ) {}

  /** What the text calls `key`; before the text is on screen, a neutral word, never the key. */
  of(key: string): string {
    const doc = this.docOf()
    return doc ? nameReference(doc, key, this.periodOf()) : 'the text (loading)'
  }
}
