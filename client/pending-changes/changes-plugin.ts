/**
 * Pending changes shown the way Word users expect: inserted words underlined,
 * deleted words struck, in their author's colour, each saying on hover who
 * made it and when; a tracked paragraph break is a pilcrow. The decorations
 * follow the records' anchors (`anchored-decorations.ts`).
 */
import type { EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { PluginKey } from 'prosemirror-state'
import { describeChange } from '../../shared/pending-changes/decision-log.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { anchoredDecorations } from '../anchors/anchored-decorations.ts'
import { shownDate } from '../anchors/attribution.ts'
import { presenceColor } from '../collab/presence-color.ts'
import type { LiveChanges } from './live-changes.ts'

/** The key of the pending changes' decorations. */
export const changesKey = new PluginKey<DecorationSet>('accord-pending-changes')

/** What a change says on hover. */
export function changeTitle(change: PendingChange): string {
  const when = shownDate(change.date ?? change.at)
  const from = change.source === 'word' ? ' (tracked in Word)' : ' (suggested)'
  return `${describeChange(change)}${from}${when ? `, ${when}` : ''}: pending a co-chair's decision`
}

/** The plugin drawing `changes`. */
export function changesPlugin(changes: LiveChanges) {
  return anchoredDecorations(changesKey, (state: EditorState) => {
    const size = state.doc.content.size
    const decorations: Decoration[] = []
    for (const { change, range } of changes.spans()) {
      if (!range || range.from > size) continue
      const attrs = {
        class: `pending-change pending-${change.kind}`,
        'data-change': change.id,
        title: changeTitle(change),
        style: `--change-color: ${presenceColor(change.author)}`,
      }
      const to = Math.min(range.to, size)
      if (change.blockBreak) {
        const mark = document.createElement('span')
        Object.entries(attrs).forEach(([k, v]) => mark.setAttribute(k, v))
        mark.classList.add('pending-break')
        mark.textContent = '¶'
        decorations.push(
          Decoration.widget(range.from, mark, { side: -1, key: `break-${change.id}`, ignoreSelection: true }),
        )
      } else if (to > range.from) decorations.push(Decoration.inline(range.from, to, attrs))
    }
    return DecorationSet.create(state.doc, decorations)
  })
}
