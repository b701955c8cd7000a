/**
 * Decorations over ranges that are anchored in the shared text by Yjs relative
 * positions (comments, pending changes, drafts of suggestions). y-prosemirror
 * replaces the whole document on each remote change, which no mapping
 * survives, so the set is rebuilt from the anchors then — and whenever the
 * feature says its ranges changed — and only mapped through this client's own
 * edits (before they reach the Y.Doc, the anchors cannot be resolved yet).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { DecorationSet, type EditorView } from 'prosemirror-view'
import { ySyncPluginKey } from 'y-prosemirror'

const REBUILD = 'rebuild'

/** Whether `tr` is y-prosemirror's rendering of a change made to the Y.Doc (a remote edit, an undo, a server write). */
export function fromYjs(tr: Transaction): boolean {
  return !!tr.getMeta(ySyncPluginKey)?.isChangeOrigin
}

/** A plugin showing `build(state)`'s decorations, rebuilt as described above. */
export function anchoredDecorations(
  key: PluginKey<DecorationSet>,
  build: (state: EditorState) => DecorationSet,
): Plugin {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, old, _before, state) {
        if (tr.getMeta(key) === REBUILD || fromYjs(tr)) return build(state)
        return tr.docChanged ? old.map(tr.mapping, tr.doc) : old
      },
    },
    props: { decorations: (state) => key.getState(state) },
  })
}

/** Rebuild the decorations of `key` in `view` from their anchors (after the current event). */
export function rebuildDecorations(view: EditorView, key: PluginKey): void {
  queueMicrotask(() => {
    if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, REBUILD))
  })
}
