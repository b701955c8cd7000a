/**
 * Line numbers as a feature of the editor, with the toggle the page puts in its header.
 * The choice is the reader's and outlives a reload (kept in this browser's storage).
 */
import type { EditorView } from 'prosemirror-view'
import type { EditorFeature } from '../editor/editor-feature.ts'
import { button } from '../dom/element.ts'
import { lineNumbersKey, lineNumbersPlugin, setLineNumbers } from './line-numbers-plugin.ts'

const storageKey = 'accord.lineNumbers'

/** The feature and its toggle button. */
export interface LineNumbersFeature {
  feature: EditorFeature
  toggle: HTMLButtonElement
}

/** Line numbers for the editor, off unless this reader switched them on before. */
export function lineNumbersFeature(): LineNumbersFeature {
  let view: EditorView | null = null
  const initially = localStorage.getItem(storageKey) === 'on'
  const toggle = button('Line numbers', { class: 'line-numbers-toggle', 'aria-pressed': String(initially) }, () => {
    if (!view) return
    const on = !lineNumbersKey.getState(view.state)?.on
    view.dispatch(setLineNumbers(view.state, on))
    toggle.setAttribute('aria-pressed', String(on))
    localStorage.setItem(storageKey, on ? 'on' : 'off')
  })
  return {
    toggle,
    feature: {
      plugins: () => [lineNumbersPlugin(initially)],
      mounted: (editor) => (view = editor.view),
    },
  }
}
