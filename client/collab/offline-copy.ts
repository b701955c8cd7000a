/**
 * The copy of a room kept on this device (IndexedDB, through y-indexeddb), so a delegate
 * whose connection drops keeps reading, a co-chair keeps working, and a reload while
 * offline opens the last known state. One copy per account and room: another account on
 * the same browser never opens it. Beside the document it keeps the steps made offline
 * and not yet sent, and since when this device has been offline.
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { OfflineStep } from './offline-steps.ts'

/** The name of the IndexedDB database holding `username`'s copy of `room`. */
export function offlineCopyName(username: string, room: string): string {
  return `accord/${username}/${room}`
}

/** What the copy keeps beside the document. */
interface Kept {
  steps: OfflineStep[]
  offlineSince: number | null
}

/** A room's copy on this device. */
export class OfflineCopy {
  private readonly persistence: IndexeddbPersistence
  private kept: Kept = { steps: [], offlineSince: null }
  private gone = false
  /** Resolves once the stored copy is in the document: true when there was one. */
  readonly loaded: Promise<boolean>

  constructor(name: string, doc: Y.Doc) {
    this.persistence = new IndexeddbPersistence(name, doc)
    this.loaded = Promise.all([this.persistence.whenSynced, this.persistence.get('kept')]).then(([, kept]) => {
      if (kept && typeof kept === 'string') this.kept = JSON.parse(kept) as Kept
      // An empty document's state vector is one byte (no client).
      return Y.encodeStateVector(doc).byteLength > 1
    })
  }

  /** Steps made offline and not yet sent. */
  get steps(): readonly OfflineStep[] {
    return this.kept.steps
  }

  /** Since when this device has been offline, or null. */
  get offlineSince(): number | null {
    return this.kept.offlineSince
  }

  /** Adds a step made offline. */
  record(step: OfflineStep): void {
    this.kept.steps.push(step)
    this.save()
  }

  /** Notes that the device went offline at `at` (kept over a reload). */
  wentOffline(at: number): void {
    if (this.kept.offlineSince === null) this.kept.offlineSince = at
    this.save()
  }

  /** The offline work reached the server (or was set aside and said so): forget it. */
  settled(): void {
    this.kept = { steps: [], offlineSince: null }
    this.save()
  }

  /** Deletes the copy: after a refusal the server's state is the one to show. */
  discard(): Promise<void> {
    this.gone = true
    return this.persistence.clearData()
  }

  /** Stops writing the copy (it stays on the device). */
  destroy(): void {
    this.gone = true
    void this.persistence.destroy()
  }

  private save(): void {
    if (!this.gone) void this.persistence.set('kept', JSON.stringify(this.kept))
  }
}
