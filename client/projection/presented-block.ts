/**
 * The paragraph the presenter is at, on the projected text: highlighted, and scrolled to
 * the middle of the screen. The presenter is the latest to press Present among those in the
 * room; their caret comes as a Yjs relative position, resolved in this replica's text. When
 * the presenter drops out (a reconnect), the paragraph stays where it was until they return.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror'
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { blockAt } from '../../shared/lines/line-numbering.ts'
import { PRESENTING_FIELD, type Presenting } from '../../shared/projection/presenting.ts'

/** Who presents and where, as the projection last heard it. */
export interface PresenterState {
  /** The presenter's name, or null while nobody presents. */
  name: string | null
  /** The block highlighted: the position before it (kept while the presenter is away). */
  block: number | null
  /** The presenter's clock when the caret moved there (ms since the epoch). */
  movedAt: number | null
}

interface Presented {
  block: number | null
  decorations: DecorationSet
}

const presentedKey = new PluginKey<Presented>('accord-presented')

/** The highlighted block's position in `state`, if any. */
export function presentedBlock(state: EditorState): number | null {
  return presentedKey.getState(state)?.block ?? null
}

/**
 * The plugin that draws the highlight. Positions follow local edits; after any change of the
 * text `textChanged` runs, to find the block again from the presenter's relative position
 * (y-prosemirror rewrites the whole text on a remote change, which no mapping survives).
 */
export function presentedBlockPlugin(textChanged: () => void): Plugin<Presented> {
  return new Plugin<Presented>({
    key: presentedKey,
    view: () => ({
      update: (view, previous) => {
        if (!view.state.doc.eq(previous.doc)) queueMicrotask(textChanged)
      },
    }),
    state: {
      init: () => ({ block: null, decorations: DecorationSet.empty }),
      apply(tr, old) {
        const moved = tr.getMeta(presentedKey) as number | undefined
        let block = moved ?? (old.block === null ? null : tr.mapping.map(old.block, 1))
        const at = block === null ? null : blockAt(tr.doc, block + 1)
        block = at?.pos ?? null
        if (block === old.block && !tr.docChanged && moved === undefined) return old
        const decorations =
          at === null
            ? DecorationSet.empty
            : DecorationSet.create(tr.doc, [Decoration.node(at.pos, at.pos + at.node.nodeSize, { class: 'presented' })])
        return { block, decorations }
      },
    },
    props: { decorations: (state) => presentedKey.getState(state)?.decorations },
  })
}

/** Follows the presenter: `update` when presence changes, `textChanged` when the text does. */
export interface PresenterFollower {
  update(): void
  stop(): void
}

/**
 * Follow the presenter in `awareness`: move the highlight in `view` and scroll to it.
 * `changed` hears who presents and where.
 */
export function followPresenter(
  view: () => EditorView | null,
  awareness: Awareness,
  ydoc: Y.Doc,
  text: Y.XmlFragment,
  changed: (presenter: PresenterState) => void,
): PresenterFollower {
  let last: PresenterState = { name: null, block: null, movedAt: null }
  let caret: unknown = null
  const update = () => {
    const v = view()
    if (!v) return
    const presenter = currentPresenter(awareness)
    if (presenter) caret = presenter.presenting.caret
    const binding = ySyncPluginKey.getState(v.state)?.binding
    const pos =
      binding && caret
        ? relativePositionToAbsolutePosition(ydoc, text, Y.createRelativePositionFromJSON(caret), binding.mapping)
        : null
    const block = pos === null ? null : (blockAt(v.state.doc, pos)?.pos ?? null)
    const moved = presenter !== null && presenter.presenting.movedAt !== last.movedAt
    if (block !== null && (block !== presentedBlock(v.state) || moved)) {
      v.dispatch(v.state.tr.setMeta(presentedKey, block))
      const dom = v.nodeDOM(block)
      if (moved && dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
    }
    last = {
      name: presenter?.name ?? null,
      block: presentedBlock(v.state),
      movedAt: presenter?.presenting.movedAt ?? last.movedAt,
    }
    changed(last)
  }
  awareness.on('change', update)
  return { update, stop: () => awareness.off('change', update) }
}

/** The latest to press Present among those in the room, with where they are. */
function currentPresenter(awareness: Awareness): { name: string; presenting: Presenting } | null {
  let best: { name: string; presenting: Presenting } | null = null
  for (const state of awareness.getStates().values()) {
    const presenting = state[PRESENTING_FIELD] as Presenting | null | undefined
    if (!presenting || typeof presenting.since !== 'number') continue
    if (!best || presenting.since > best.presenting.since)
      best = { name: String(state.user?.name ?? 'the presenter'), presenting }
  }
  return best
}
