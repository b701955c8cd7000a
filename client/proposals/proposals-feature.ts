/**
 * The proposals as a feature of the editor: a delegation's choices become
 * proposals for its Party, and the proposals made on an option or at the caret
 * are listed where the text shows them, with support, objection and the
 * co-chairs' decisions.
 */
import type { EditorFeature } from '../editor/editor-feature.ts'
import type { LiveProposals } from './live-proposals.ts'
import { proposalList } from './proposal-card.ts'

/** The editor feature of `proposals`. */
export function proposalsFeature(proposals: LiveProposals): EditorFeature {
  return {
    ...(proposals.mayPropose ? { offer: { verb: 'Propose', take: (choice) => void proposals.propose(choice) } } : {}),
    optionPart({ id }) {
      const dom = document.createElement('div')
      const draw = () => dom.replaceChildren(proposalList(id, proposals))
      draw()
      return { dom, destroy: proposals.watch(id, draw) }
    },
    choiceBarParts({ group, option }) {
      return [group?.node.attrs.id, option?.attrs.id]
        .filter((id): id is string => !!id)
        .map((id) => proposalList(id, proposals))
    },
    subscribe: (redraw) => proposals.subscribe(redraw),
    mounted: ({ view }) => proposals.attach(view),
  }
}
