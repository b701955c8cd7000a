/**
 * The presenter: a co-chair who presses Present has the room's screen follow their caret.
 * Each time the caret moves to another paragraph, the editor announces it in its presence
 * (`presenting`, a Yjs relative position, which every replica resolves in its own text).
 * Presenting is remembered for the tab, so a reload or a reopened connection presents again:
 * the screen survives the presenter's reconnects.
 */
import { Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { absolutePositionToRelativePosition, ySyncPluginKey } from 'y-prosemirror'
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { blockAt } from '../../shared/lines/line-numbering.ts'
import { PRESENTING_FIELD, type Presenting } from '../../shared/projection/presenting.ts'
import type { EditorFeature } from '../editor/editor-feature.ts'

/** Presents one document from one editor. */
export class Presenter {
  private view: EditorView | null = null
  private since: number | null
  private lastBlock = -1

  constructor(
    private readonly documentId: string,
    private readonly awareness: Awareness,
    private readonly text: Y.XmlFragment,
  ) {
    const kept = Number(sessionStorage.getItem(this.storageKey))
    this.since = kept > 0 ? kept : null
  }

  /** Whether this editor presents. */
  get presenting(): boolean {
    return this.since !== null
  }

  /** Start or stop presenting. */
  set(on: boolean): void {
    this.since = on ? Date.now() : null
    if (on) sessionStorage.setItem(this.storageKey, String(this.since))
    else sessionStorage.removeItem(this.storageKey)
    this.lastBlock = -1
    if (!on) this.awareness.setLocalStateField(PRESENTING_FIELD, null)
    else if (this.view) this.announce(this.view)
  }

  /** The feature that follows the caret in the editor. */
  feature(): EditorFeature {
    return {
      plugins: () => [
        new Plugin({
          view: () => ({ update: (view) => this.announce(view) }),
        }),
      ],
      mounted: ({ view }) => {
        this.view = view
        this.announce(view)
      },
    }
  }

  private get storageKey(): string {
    return `accord.presenting.${this.documentId}`
  }

  private announce(view: EditorView): void {
    if (this.since === null) return
    const block = blockAt(view.state.doc, view.state.selection.head)
    if (!block || block.pos === this.lastBlock) return
    const binding = ySyncPluginKey.getState(view.state)?.binding
    if (!binding) return
    this.lastBlock = block.pos
    const caret = absolutePositionToRelativePosition(block.pos + 1, this.text, binding.mapping)
    const presenting: Presenting = {
      since: this.since,
      movedAt: performance.timeOrigin + performance.now(),
      caret: Y.relativePositionToJSON(caret),
    }
    this.awareness.setLocalStateField(PRESENTING_FIELD, presenting)
  }
}
