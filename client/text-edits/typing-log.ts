/**
 * A co-chair's free typing, signed in the document's log: the editor gathers a
 * burst of typing in one paragraph (until the typing pauses, moves to another
 * paragraph or the editor loses focus) and logs the words it changed, as one
 * entry. Structured steps (streamlining, decisions) are logged by themselves;
 * edits from elsewhere (collaborators, undo) are not this burst.
 */
import { Plugin, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import type * as Y from 'yjs'
import { ySyncPluginKey } from 'y-prosemirror'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { placeOf } from '../../shared/inspect/text-place.ts'
import type { LogDraft } from '../../shared/proposals/log-entry.ts'
import { stepOf } from '../../shared/streamline/step.ts'
import { typedEditDraft } from '../../shared/text-edits/typed-edit.ts'
import type { EditorFeature } from '../editor/editor-feature.ts'

/** Where the bursts are signed. */
export interface TypingSigner {
  note(draft: LogDraft): unknown
}

const IDLE_MS = 2000
/** How long after an input event its edit reaches the editor. */
const INPUT_MS = 250

interface Burst {
  /** The start of the paragraph's content, following it through others' edits. */
  start: Y.RelativePosition
  /**
   * The same place in the editor's document, mapped through this client's edits; null after
   * an edit from the Y.Doc (y-prosemirror replaces the whole document, which no mapping
   * survives), when it is read again from `start`. Reading a relative position walks the
   * whole Y.Doc (milliseconds at 300 pages): once a burst and after a remote edit, not per key.
   */
  at: number | null
  /** Its words when the burst began. */
  before: string
}

/** The typing log of an editor over `textDoc`, signed by `signer`. */
export function typingLogFeature(textDoc: Y.Doc, signer: TypingSigner): EditorFeature {
  let burst: Burst | null = null
  let view: EditorView | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  // Typing is what follows the keyboard, a paste, a cut or a drop; a click's transaction (an accepted proposal) is not.
  let lastInput = -Infinity
  const input = () => {
    lastInput = performance.now()
    return false
  }

  const flush = () => {
    clearTimeout(timer)
    const done = burst
    burst = null
    if (!done || !view) return
    const pos = new PositionMapper(textRoom(textDoc).text).toAbsolute(done.start)
    const block = pos === null ? null : textblockAt(view.state.doc, pos)
    const draft = typedEditDraft(
      done.before,
      block ? blockWords(block.node) : '',
      pos === null ? '' : placeOf(view.state.doc, pos).words,
    )
    if (draft) signer.note(draft)
  }

  // Runs before the transaction reaches the Y.Doc, which still holds `tr.before`.
  const typed = (tr: Transaction) => {
    if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || stepOf(tr) || performance.now() - lastInput > INPUT_MS) return
    const step = tr.steps[0]
    let from = -1
    step.getMap().forEach((start) => (from = from < 0 ? start : from))
    if (from < 0) return
    const block = textblockAt(tr.before, from)
    if (!block) return flush()
    if (burst) {
      burst.at ??= new PositionMapper(textRoom(textDoc).text).toAbsolute(burst.start)
      if (burst.at !== block.start) flush()
    }
    burst ??= {
      start: new PositionMapper(textRoom(textDoc).text).toRelative(block.start, 0),
      at: block.start,
      before: blockWords(block.node),
    }
    clearTimeout(timer)
    timer = setTimeout(flush, IDLE_MS)
  }

  // Keeps the burst's place in step with the editor's document, transaction by transaction.
  const follow = (tr: Transaction) => {
    if (!burst || burst.at === null || !tr.docChanged) return
    burst.at = tr.getMeta(ySyncPluginKey) ? null : tr.mapping.map(burst.at, -1)
  }

  return {
    plugins: () => [
      new Plugin({
        appendTransaction: (trs) => {
          typed(trs[0])
          trs.forEach(follow)
          return null
        },
        view: (v) => {
          view = v
          return {
            destroy: () => {
              flush()
              view = null
            },
          }
        },
        props: {
          handleDOMEvents: {
            keydown: input,
            beforeinput: input,
            compositionend: input,
            paste: input,
            cut: input,
            drop: input,
            blur: () => (flush(), false),
          },
        },
      }),
    ],
  }
}

// The innermost paragraph-like block holding `pos`, with the start of its content.
function textblockAt(doc: Node, pos: number): { node: Node; start: number } | null {
  const $pos = doc.resolve(Math.min(pos, doc.content.size))
  for (let depth = $pos.depth; depth >= 0; depth--) {
    const node = $pos.node(depth)
    if (node.isTextblock && node.type.spec.group === 'block') return { node, start: $pos.start(depth) }
    if (node.type.name === 'table_cell') return { node, start: $pos.start(depth) }
  }
  return null
}

function blockWords(node: Node): string {
  return node.textBetween(0, node.content.size, ' ', (leaf) => String(leaf.attrs.text || leaf.attrs.name || ''))
}
