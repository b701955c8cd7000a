/**
 * A choice replaced at the same moment: two co-chairs resolve the same bracket differently
 * and concurrently, Yjs keeps one, and the other would never know that the text no longer
 * says what they chose. A write this client made is followed until another account's write
 * replaces it; if that write did not build on ours (its author had not seen it), it was made
 * at the same moment, and we say so. A replacement made knowingly, after ours arrived, is an
 * ordinary later decision, signed in the log.
 */
import type { Node } from 'prosemirror-model'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { ACCEPTANCE_ORIGIN } from '../../shared/document/proposal-acceptance.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { GONE, nameNode } from '../../shared/naming/node-name.ts'
import { quoted, written } from '../../shared/streamline/bracket-words.ts'
import { locate } from '../../shared/streamline/node-location.ts'
import { DECISION_ORIGIN } from '../editor/undo-manager.ts'
import type { Presence } from '../collab/connection.ts'

/** Where a resolution entry of ours stands: the Yjs item holding it. */
interface OwnWrite {
  client: number
  clock: number
  value: string
}

/** A Y.Map entry's current item (Yjs keeps it in `_map`; the public API hides it). */
type MapItem = { id: Y.ID; origin: Y.ID | null; deleted: boolean }

/** Follows this client's resolutions and tells when one is replaced at the same moment. */
export class ReplacedChoices {
  private readonly own = new Map<string, OwnWrite>()
  private readonly map: Y.Map<string>
  private readonly observer: (event: Y.YMapEvent<string>) => void

  constructor(
    ydoc: Y.Doc,
    private readonly awareness: Awareness,
    private readonly docOf: () => Node | null,
    private readonly tell: (message: string) => void,
  ) {
    this.map = textRoom(ydoc).resolutions
    this.observer = (event) => this.changed(event)
    this.map.observe(this.observer)
  }

  /** Stop following. */
  destroy(): void {
    this.map.unobserve(this.observer)
  }

  private item(key: string): MapItem | undefined {
    return (this.map as unknown as { _map: Map<string, MapItem> })._map.get(key)
  }

  private changed(event: Y.YMapEvent<string>): void {
    const { transaction } = event
    for (const key of event.keysChanged) {
      const item = this.item(key)
      if (transaction.local) {
        const ours = transaction.origin === DECISION_ORIGIN || transaction.origin === ACCEPTANCE_ORIGIN
        if (ours && item && !item.deleted) this.own.set(key, { ...item.id, value: this.map.get(key)! })
        else this.own.delete(key)
        continue
      }
      const own = this.own.get(key)
      if (!own || !item || item.deleted) continue
      if (item.id.client === own.client && item.id.clock === own.clock) continue
      this.own.delete(key)
      const builtOnOurs = item.origin?.client === own.client && item.origin.clock === own.clock
      const value = this.map.get(key)
      if (builtOnOurs || value === undefined || value === own.value) continue
      this.tell(
        `Your choice of ${this.valueWords(own.value)} for ${this.name(key)} was replaced: ${this.author(item.id.client)} chose ${this.valueWords(value)} at the same moment. The text now says ${this.valueWords(value)}.`,
      )
    }
  }

  private author(client: number): string {
    const user = (this.awareness.getStates().get(client) as { user?: Presence } | undefined)?.user
    return user?.name ?? 'another co-chair'
  }

  private name(id: string): string {
    const doc = this.docOf()
    return doc ? nameNode(doc, id) : GONE
  }

  /** An alternative by its words (`[2013 to 2020]`); kept, deleted, chosen or dropped as said. */
  private valueWords(value: string): string {
    const doc = this.docOf()
    const at = doc ? locate(doc, value) : null
    return at ? quoted(written(at.node)) : `“${value}”`
  }
}
