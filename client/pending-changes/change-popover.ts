/**
 * The pending change at the caret, under its line: who made it and when and,
 * for co-chairs and the secretariat, Accept and Reject — where the eye already
 * is, as Word's balloon does. It follows the caret and the records.
 */
import { Plugin, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { PendingSpan } from '../../shared/pending-changes/decide.ts'
import { button, el, setHidden } from '../dom/element.ts'
import { changeTitle } from './changes-plugin.ts'
import type { LiveChanges } from './live-changes.ts'

/** The change whose range holds the caret (or the selection), if any. */
export function changeAtCaret(spans: PendingSpan[], state: EditorState): PendingSpan | null {
  const { from, to } = state.selection
  return spans.find((s) => s.range && s.range.from <= from && to <= s.range.to && s.range.to > s.range.from) ?? null
}

/** The plugin showing the popover of the change at the caret. */
export function changePopover(changes: LiveChanges): Plugin {
  return new Plugin({
    view(view) {
      const card = el('div', {
        class: 'change-popover',
        role: 'dialog',
        'aria-label': 'Change at the caret',
        hidden: '',
      })
      view.dom.parentElement?.append(card)
      let shown: string | null = null
      const draw = (v: EditorView) => {
        const at = changeAtCaret(changes.spans(), v.state)
        if (!at?.range) {
          setHidden(card, true)
          shown = null
          return
        }
        const key = `${at.change.id}|${at.range.from}`
        if (key !== shown) {
          shown = key
          const parts: HTMLElement[] = [el('div', { class: 'change-popover-title' }, changeTitle(at.change))]
          if (changes.mayDecide)
            parts.push(
              el(
                'div',
                { class: 'change-actions' },
                button('Accept', { class: 'change-accept' }, () => changes.decide(at.change.id, true, v.state.doc)),
                button('Reject', { class: 'change-reject' }, () => changes.decide(at.change.id, false, v.state.doc)),
              ),
            )
          card.replaceChildren(...parts)
        }
        const slot = v.dom.parentElement!
        const box = slot.getBoundingClientRect()
        const line = v.coordsAtPos(at.range.from)
        card.style.top = `${line.bottom - box.top + slot.scrollTop + 4}px`
        card.style.left = `${Math.max(0, line.left - box.left + slot.scrollLeft)}px`
        setHidden(card, false)
      }
      const stop = changes.subscribe(() => draw(view))
      return {
        update: (v, before) => {
          if (!v.state.selection.eq(before.selection) || v.state.doc !== before.doc) draw(v)
        },
        destroy: () => {
          stop()
          card.remove()
        },
      }
    },
  })
}
