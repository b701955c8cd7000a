/**
 * What the editor page opens beside the text for proposals: the connection to
 * the document's proposals room, the live proposals the node views read, the
 * panel section (redrawn when proposals or the numbers change, for the
 * what-ifs), the document log's section and the delegation's inscription
 * button on its amounts row.
 */
import type { Session } from '../app/session.ts'
import { LiveProposals, type ProposalsSetting } from './live-proposals.ts'
import { ProposalsConnection } from './proposals-connection.ts'
import { createProposalsPanel, type ProposalsPanel } from './proposals-panel.ts'
import { addInscriptionProposer } from './inscription-proposer.ts'
import type { ProposalRegister } from '../../shared/proposals/register.ts'
import { createLogPanel, type LogPanel } from '../streamlining/log-panel.ts'
import type { OfflineOptions } from '../collab/offline-work.ts'
import { proposalsEntryWords } from '../naming/entry-words.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'

/** The proposals side of an open document. */
export interface ProposalsRoom {
  proposals: LiveProposals
  /** The panel section; `jumpTo` scrolls the text to a proposal's target. */
  panel(jumpTo: (id: string) => boolean): HTMLElement
  /** The document log's panel section. */
  logPanel(jumpTo: (id: string) => boolean): HTMLElement
  /** The room's register as it is now (a new one after each reopening). */
  register(): ProposalRegister
  /** Call after the amounts panel redraws: puts the delegation's inscription button back on its row. */
  amountsDrawn(amounts: HTMLElement): void
  destroy(): void
}

/** The proposals room, connecting: its side of the page is built once the text beside it is ready. */
export interface ProposalsRoomConnecting {
  /** Waits for the room's first sync, then builds the proposals side with `setting`. */
  open(setting: Omit<ProposalsSetting, 'account' | 'say'>): Promise<ProposalsRoom>
  /** Closes the connection: the page left before the room was opened. */
  destroy(): void
}

/**
 * Starts connecting to the proposals room `room` (its name as the API lists it) at once, so
 * it syncs while the text room does (one after the other, the proposals room's sync added
 * 30-150 ms to every open). `say` tells the user something went wrong.
 */
export function connectProposalsRoom(
  room: string,
  session: Session,
  say: (message: string) => void,
  /** Keep the room on this device and work on offline; steps are named here. */
  offlineOptions?: Omit<OfflineOptions, 'kind' | 'name'>,
): ProposalsRoomConnecting {
  let proposals: LiveProposals | null = null
  let panel: ProposalsPanel | null = null
  let log: LogPanel | null = null
  // A proposal in words for the list of steps set aside on reconnect.
  const proposalWords = (id: string) => {
    const proposal = proposalsRoom(connection.register.doc).proposals.get(id) as Proposal | undefined
    return proposal && proposals ? proposals.describe(proposal) : null
  }
  const offline = offlineOptions && { ...offlineOptions, name: proposalsEntryWords(proposalWords) }
  const connection = new ProposalsConnection(
    room,
    session,
    {
      refused: (refusal) =>
        say(
          `The server refused the proposals change: ${refusal.message}. The proposals have been returned to the server’s state.`,
        ),
      changed: () => {
        proposals?.refresh()
        panel?.render()
        log?.render(connection.register.state())
      },
    },
    offline,
  )
  const synced = connection.synced()
  return {
    destroy: () => connection.destroy(),
    open: async (setting) => {
      await synced
      const live = (proposals = new LiveProposals(() => connection.register, {
        ...setting,
        say,
        account: session.account,
      }))
      const stopLive = setting.live.subscribe(() => panel?.render())
      return {
        proposals: live,
        panel(jumpTo) {
          panel = createProposalsPanel(live, jumpTo)
          panel.render()
          return panel.dom
        },
        logPanel(jumpTo) {
          log = createLogPanel(jumpTo, (key) => live.name(key))
          log.render(connection.register.state())
          return log.dom
        },
        register: () => connection.register,
        amountsDrawn(amounts) {
          addInscriptionProposer(amounts, live)
        },
        destroy() {
          stopLive()
          live.destroy()
          connection.destroy()
        },
      }
    },
  }
}
