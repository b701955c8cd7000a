/**
 * The editor's keys. Text keys are ProseMirror's; these add Yjs undo and redo,
 * Enter (split the paragraph where the schema allows it), and the choices:
 *
 * - Alt+Enter: choose the alternative at the caret (keep it, for an optional bracket)
 * - Alt+Backspace: delete the optional bracket at the caret, or reopen the group
 * - Alt+O / Alt+Shift+O: choose / drop the option at the caret
 * - Alt+C: go to the choice bar, whose buttons reach every choice by Tab
 */
import { TextSelection, type Command } from 'prosemirror-state'
import { canSplit } from 'prosemirror-transform'
import type { EditorView } from 'prosemirror-view'
import { redoCommand, undoCommand } from 'y-prosemirror'
import type { EditorContext } from './editor-context.ts'
import { choiceTarget } from './choice-target.ts'

const splitParagraph: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  if (!$from.parent.isTextblock || $from.depth < 1 || !$from.sameParent($to)) return false
  const tr = state.tr.deleteSelection()
  const pos = tr.selection.from
  if (!canSplit(tr.doc, pos)) return true // swallow: a split here would build an invalid node
  tr.split(pos)
  tr.setSelection(TextSelection.create(tr.doc, pos + 2))
  dispatch?.(tr.scrollIntoView())
  return true
}

/** The key handler for `handleKeyDown`. */
export function editorKeys(cx: EditorContext, focusChoiceBar: () => void) {
  return (view: EditorView, event: KeyboardEvent): boolean => {
    const mod = event.ctrlKey || event.metaKey
    const key = event.key.toLowerCase()
    if (mod && !event.altKey && key === 'z')
      return (event.shiftKey ? redoCommand : undoCommand)(view.state, view.dispatch)
    if (mod && !event.altKey && key === 'y') return redoCommand(view.state, view.dispatch)
    if (event.altKey && !mod) {
      const target = choiceTarget(view.state)
      const code = event.code
      if (code === 'KeyC') {
        focusChoiceBar()
        return true
      }
      if (event.key === 'Enter' && target.group) {
        const { node, alternative, optional } = target.group
        if (optional) cx.decisions.settleOptional(node.attrs.id, 'kept')
        else if (alternative) cx.decisions.chooseAlternative(node.attrs.id, alternative)
        return true
      }
      if (event.key === 'Backspace' && target.group) {
        if (target.group.optional) cx.decisions.settleOptional(target.group.node.attrs.id, 'deleted')
        else cx.decisions.reopen(target.group.node.attrs.id)
        return true
      }
      if (code === 'KeyO' && target.option) {
        cx.decisions.settleOption(target.option.attrs.id, event.shiftKey ? 'dropped' : 'chosen')
        return true
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !mod && !event.altKey)
      return splitParagraph(view.state, view.dispatch)
    return false
  }
}
