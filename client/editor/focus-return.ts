/**
 * After a toolbar button has done its work, the caret goes back into the text, so the next
 * Ctrl+Z undoes what the button did (the editor's keys work only while the text has the
 * focus). A button that opened a dialog keeps it: the dialog gives the focus back itself.
 */
import type { EditorView } from 'prosemirror-view'

/** Return the focus to `view` after a click on a button inside `container`; returns the function that stops. */
export function returnFocusAfterButtons(container: HTMLElement, view: EditorView): () => void {
  const clicked = (event: MouseEvent) => {
    const target = event.target as HTMLElement | null
    if (!target?.closest('button')) return
    // After the button's own handler: it may have opened a dialog, or redrawn the bar.
    setTimeout(() => {
      if (view.isDestroyed || document.querySelector('dialog[open]')) return
      const active = document.activeElement
      // The user has moved on to a field of their own (a placeholder's input, a dialog's): leave them there.
      if (active && active !== document.body && !active.closest('button') && active !== view.dom) return
      view.focus()
    }, 0)
  }
  container.addEventListener('click', clicked)
  return () => container.removeEventListener('click', clicked)
}
