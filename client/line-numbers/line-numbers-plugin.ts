/**
 * Line numbers in a view: a number beside the first character of every numbered line
 * (`shared/lines/line-numbering.ts`), and a break before each line after a block's first,
 * so that each numbered line is one line on screen whatever the width (a line longer than
 * the column wraps, unnumbered, like a code editor's). Off until switched on; the
 * projection has them on always.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { numberLines, type NumberedLine } from '../../shared/lines/line-numbering.ts'

/** The plugin's state: whether numbers show, the lines, and their widgets. */
interface LineNumbersState {
  on: boolean
  lines: NumberedLine[]
  decorations: DecorationSet
}

/** The plugin's key, to read the lines and to switch the numbers. */
export const lineNumbersKey = new PluginKey<LineNumbersState>('accord-line-numbers')

/** Switch line numbers on or off in `state` (a transaction to dispatch). */
export function setLineNumbers(state: EditorState, on: boolean): Transaction {
  return state.tr.setMeta(lineNumbersKey, on)
}

/** The numbered lines of the view's text (empty while the numbers are off). */
export function numberedLines(state: EditorState): NumberedLine[] {
  return lineNumbersKey.getState(state)?.lines ?? []
}

/** The plugin; `initially` says whether the numbers show from the start. */
export function lineNumbersPlugin(initially: boolean): Plugin<LineNumbersState> {
  return new Plugin<LineNumbersState>({
    key: lineNumbersKey,
    state: {
      init: (_config, state) => build(state.doc, initially),
      apply(tr, old) {
        const meta = tr.getMeta(lineNumbersKey) as boolean | undefined
        const on = meta ?? old.on
        if (on === old.on && !tr.docChanged) return old
        return build(tr.doc, on)
      },
    },
    props: {
      decorations: (state) => lineNumbersKey.getState(state)?.decorations,
      attributes: (state): Record<string, string> =>
        lineNumbersKey.getState(state)?.on ? { class: 'line-numbers' } : {},
    },
  })
}

function build(doc: EditorState['doc'], on: boolean): LineNumbersState {
  if (!on) return { on, lines: [], decorations: DecorationSet.empty }
  const lines = numberLines(doc)
  const widgets = lines.map((line) =>
    Decoration.widget(line.pos, () => marker(line), {
      side: -1,
      // Same number, same place in its block: the view keeps the widget it drew.
      key: `ln-${line.number}-${line.first ? 'f' : 'b'}`,
      ignoreSelection: true,
    }),
  )
  return { on, lines, decorations: DecorationSet.create(doc, widgets) }
}

function marker(line: NumberedLine): HTMLElement {
  const span = document.createElement('span')
  span.className = line.first ? 'line-start first' : 'line-start'
  if (!line.first) span.append(document.createElement('br'))
  const number = document.createElement('span')
  number.className = 'line-number'
  number.dataset.line = String(line.number)
  number.textContent = String(line.number)
  number.setAttribute('aria-label', `line ${line.number}`)
  span.append(number)
  return span
}
