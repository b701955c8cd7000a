/**
 * The editor: a ProseMirror view bound to the shared Y.Doc's text with
 * y-prosemirror (sync, collaborators' cursors labelled with name and Party,
 * Yjs undo of the text and the model together), node views for the negotiable structure, and the live model
 * told of every structural change. Read-only unless the account resolves.
 */
import { EditorState, Plugin, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { ySyncPlugin, ySyncPluginKey, yCursorPlugin, yUndoPlugin } from 'y-prosemirror'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { displaySchema } from './display-schema.ts'
import type { EditorContext } from './editor-context.ts'
import { editorKeys } from './keys.ts'
import { touchesStructure } from './structure-change.ts'
import { narrowed } from './narrow-remote.ts'
import { createChoiceBar, type ChoiceBar } from './choice-bar.ts'
import { AlternativeView, BracketGroupView } from './views/bracket-group-view.ts'
import { SpanningBracketView } from './views/spanning-bracket-view.ts'
import { OptionCardView } from './views/option-card-view.ts'
import { PlaceholderView } from './views/placeholder-view.ts'
import { FootnoteRefView } from './views/footnote-ref-view.ts'
import { AnnexTableView, TableRowView } from './views/annex-table-view.ts'
import { remoteCursor } from './remote-cursor.ts'
import { createUndoManager } from './undo-manager.ts'
import { returnFocusAfterButtons } from './focus-return.ts'
import { stepOf } from '../../shared/streamline/step.ts'
import { textRoom } from '../../shared/document/text-room.ts'

/** A mounted editor. */
export interface Editor {
  view: EditorView
  choiceBar: ChoiceBar
  /** This client's undo over the text and the model's maps. */
  undoManager: Y.UndoManager
  destroy(): void
}

/** Mounts the editor for `ydoc` into `place`; `cx` must have its live computation already. */
export function createEditor(
  place: HTMLElement,
  ydoc: Y.Doc,
  provider: WebsocketProvider,
  cx: Omit<EditorContext, 'jumpTo'>,
): Editor {
  const choiceBar = createChoiceBar(cx as EditorContext)
  const context = cx as EditorContext
  const undoManager = createUndoManager(ydoc)
  const plugins = [
    ySyncPlugin(textRoom(ydoc).text),
    yCursorPlugin(provider.awareness, { cursorBuilder: remoteCursor }),
    yUndoPlugin({ undoManager }),
    new Plugin({ view: () => ({ update: (view) => choiceBar.update(view.state) }) }),
    ...cx.features.flatMap((feature) => feature.plugins?.() ?? []),
  ]
  // The text the live model last indexed.
  let indexed: Node | null = null
  const view: EditorView = new EditorView(place, {
    state: EditorState.create({ schema: displaySchema, plugins }),
    editable: () => cx.capabilities.resolve || cx.features.some((feature) => feature.takesTyping?.() === true),
    attributes: { 'aria-label': 'Negotiation text', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    handleKeyDown: editorKeys(context, () => choiceBar.focus()),
    nodeViews: {
      bracket_group: (node, view, getPos) => new BracketGroupView(node, view, getPos, context),
      alternative: (node, view, getPos) => new AlternativeView(node, view, getPos, context),
      bracket_start: (node) => new SpanningBracketView(node, context),
      bracket_end: (node) => new SpanningBracketView(node, context),
      option: (node, view) => new OptionCardView(node, view, context),
      placeholder: (node) => new PlaceholderView(node, context),
      footnote_ref: (node, view, getPos) => new FootnoteRefView(node, view, getPos),
      table: (node) => new AnnexTableView(node),
      table_row: (node, view, getPos) => new TableRowView(node, view, getPos, context),
    },
    // `this`, not `view`: y-prosemirror dispatches its first render while the view is being built.
    dispatchTransaction(this: EditorView, whole) {
      const remote = !!whole.getMeta(ySyncPluginKey)?.isChangeOrigin
      const tr = remote && whole.docChanged ? narrowed(this.state, whole) : whole
      // A remote change that could not be narrowed replaced everything: the model re-reads the text.
      const structural = tr.docChanged && (tr === whole && remote ? true : !!stepOf(tr) || touchesStructure(tr))
      const state = this.state.apply(tr)
      if (!structural) return this.updateState(state)
      // The model reads the new text first, so the views this update builds are drawn once, right
      // (the first render of a 300-page text builds 20,000); only views it keeps may need a redraw.
      const previous = cx.live.documentIndex
      indexed = state.doc
      cx.live.textChanged(indexed)
      const redraw = cx.decisions.reindexed(previous)
      this.updateState(state)
      redraw()
    },
  })
  context.jumpTo = (id) => jumpTo(view, id)
  const stopReturning = [returnFocusAfterButtons(choiceBar.dom, view), returnFocusAfterButtons(view.dom, view)]
  // y-prosemirror renders the shared text while the view is built, through dispatchTransaction;
  // should it not have (an empty text), the model reads the text on screen now.
  if (indexed !== view.state.doc) {
    cx.live.textChanged(view.state.doc)
    cx.decisions.refreshAll()
  }
  choiceBar.update(view.state)
  for (const feature of cx.features) feature.mounted?.({ view, undoManager })
  return {
    view,
    choiceBar,
    undoManager,
    destroy: () => {
      for (const stop of stopReturning) stop()
      view.destroy()
    },
  }
}

/** The position of the node with id `id` (a group, alternative, option, section, placeholder, table row's Party). */
export function findNode(doc: Node, id: string): number | null {
  let found: number | null = null
  doc.descendants((node, pos) => {
    if (found !== null) return false
    const a = node.attrs
    if (
      (a.id && a.id === id) ||
      (node.type.name === 'bracket_start' && a.group === id) ||
      (node.type.name === 'table_row' && a.party === id)
    ) {
      found = pos
      return false
    }
    return true
  })
  return found
}

function jumpTo(view: EditorView, id: string): boolean {
  const pos = findNode(view.state.doc, id)
  if (pos === null) return false
  const inside = Math.min(pos + 1, view.state.doc.content.size)
  const selection = TextSelection.near(view.state.doc.resolve(inside))
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
  const dom = view.nodeDOM(pos)
  if (dom instanceof HTMLElement) {
    dom.scrollIntoView({ block: 'center' })
    dom.classList.add('flash')
    setTimeout(() => dom.classList.remove('flash'), 1600)
  }
  view.focus()
  return true
}
