/**
 * Pending changes as a feature of the editor: tracked changes and suggestions
 * drawn in the text, the one at the caret with its decision, suggestion mode
 * (always on for delegations, a switch for co-chairs), and the panel section
 * listing them per section. Decisions are undoable steps of the editor,
 * signed in the document's log.
 */
import type { EditorView } from 'prosemirror-view'
import { TextSelection } from 'prosemirror-state'
import type * as Y from 'yjs'
import { textRoom } from '../../shared/document/text-room.ts'
import { mayStreamline } from '../../shared/document/roles.ts'
import { maySuggest } from '../../shared/pending-changes/rights.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import type { Suggestion } from '../../shared/pending-changes/suggest.ts'
import { callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import type { EditorFeature } from '../editor/editor-feature.ts'
import type { StepRecorder } from '../editor/step-recorder.ts'
import { rebuildDecorations } from '../anchors/anchored-decorations.ts'
import { changePopover } from './change-popover.ts'
import { changesKey, changesPlugin } from './changes-plugin.ts'
import { createChangesPanel, type ChangesPanel } from './changes-panel.ts'
import { LiveChanges, PENDING_DECISION_ORIGIN } from './live-changes.ts'
import { SuggestionMode } from './suggestion-mode.ts'
import './pending-changes.css'

/** What the pending changes need from the page. */
export interface ChangesSetting {
  documentId: string
  textDoc: Y.Doc
  session: Session
  /** Where decisions are performed as undoable steps and signed. */
  log: StepRecorder
  say(message: string): void
}

/** The pending changes of an open document: the editor feature and the panel section. */
export interface PendingChangesSide {
  feature: EditorFeature
  /** The panel section (call once the editor is mounted). */
  panel(): HTMLElement
  destroy(): void
}

/** The pending changes for `setting`'s document. */
export function pendingChangesSide(setting: ChangesSetting): PendingChangesSide {
  const { account } = setting.session
  const changes = new LiveChanges(setting.textDoc, account, setting.log, setting.say)
  const editsDirectly = mayStreamline(account.role)
  const suggests = maySuggest({ role: account.role, party: account.party ?? undefined })
  const mode = new SuggestionMode({
    textDoc: setting.textDoc,
    author: account.username,
    editsDirectly,
    send: (suggestion: Suggestion) =>
      callApi<{ changes: PendingChange[] }>(
        'POST',
        `/api/documents/${encodeURIComponent(setting.documentId)}/suggestions`,
        setting.session.token,
        suggestion,
      ).then((r) => r.changes),
    say: setting.say,
  })
  let view: EditorView | null = null
  let panel: ChangesPanel | null = null
  const records = textRoom(setting.textDoc).pendingChanges
  const redraw = () => view && rebuildDecorations(view, changesKey)
  records.observe(redraw)

  const go = (range: { from: number; to: number }) => {
    if (!view) return
    view.focus()
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)))
    // Sections far off screen are not laid out: scroll to the element, which makes the browser lay it out.
    const at = view.domAtPos(range.from).node
    ;(at instanceof Element ? at : at.parentElement)?.scrollIntoView({ block: 'center' })
  }

  const feature: EditorFeature = {
    plugins: () => [changesPlugin(changes), changePopover(changes), ...(suggests ? [mode.plugin()] : [])],
    takesTyping: () => suggests && mode.on,
    mounted(editor) {
      view = editor.view
      // A decision is one undoable step over the text and the record together.
      editor.undoManager.addToScope(records)
      editor.undoManager.addTrackedOrigin(PENDING_DECISION_ORIGIN)
      redraw()
    },
  }
  return {
    feature,
    panel() {
      panel = createChangesPanel(changes, mode, editsDirectly, () => view, go)
      if (!suggests) panel.dom.querySelector('.suggestion-switch')?.remove()
      return panel.dom
    },
    destroy() {
      records.unobserve(redraw)
      panel?.destroy()
      changes.destroy()
    },
  }
}
