/**
 * The fence that makes a stale owner's late writes fail. Each room has a token in the
 * store (`room_fences`), raised by one every time a process takes the room over. An
 * owner's append first checks, in the same transaction, that the row still holds the
 * token it claimed (`UPDATE … WHERE token = ?`, which also locks the row until the
 * commit, so a takeover waits for a commit already under way and then loads it). A
 * process paused past its lease (SIGSTOP, a long GC) wakes up believing it owns the room;
 * its first commit is refused here and nothing of it is stored or relayed.
 */
import { StoreFailure, UpdateLog } from '../store/update-log.ts'
import type { Store } from '../store/database.ts'

/** The fences' table; created at start beside Accord's schema. */
export const fenceSchema = 'CREATE TABLE IF NOT EXISTS room_fences (room TEXT PRIMARY KEY, token BIGINT NOT NULL)'

/** A room this process may no longer write: another took it over. */
export class FencedOut extends StoreFailure {
  constructor(readonly room: string) {
    super(new Error(`room ${room} was taken over by another process`))
  }
}

/** The update log of one cluster process: appends only to rooms it holds the fence of. */
export class FencedUpdateLog extends UpdateLog {
  private readonly tokens = new Map<string, number>()
  private checked = new Set<string>()

  constructor(
    db: Store,
    /** Told when a commit found the room taken over. */
    private readonly onFencedOut: (room: string) => void = () => {},
  ) {
    super(db)
    db.exec(fenceSchema)
  }

  /** Takes the room's fence: the new token; every write with an older one is refused from now on. */
  claim(room: string): number {
    const { token } = this.db.transaction(() =>
      this.db.get<{ token: number }>(
        'INSERT INTO room_fences (room, token) VALUES (?, 1) ON CONFLICT (room) DO UPDATE SET token = room_fences.token + 1 RETURNING token',
        room,
      )!,
    )
    this.tokens.set(room, token)
    return token
  }

  /** Stops writing the room (lease lost or given up). */
  release(room: string): void {
    this.tokens.delete(room)
  }

  /** The token this process holds for `room`, if any. */
  token(room: string): number | undefined {
    return this.tokens.get(room)
  }

  override batch<T>(fn: () => T): T {
    this.checked = new Set()
    try {
      return super.batch(fn)
    } finally {
      this.checked = new Set()
    }
  }

  override append(room: string, update: Uint8Array): number {
    if (!this.checked.has(room)) {
      this.check(room)
      if (this.db.inTransaction) this.checked.add(room)
    }
    return super.append(room, update)
  }

  private check(room: string): void {
    const token = this.tokens.get(room)
    if (token === undefined) {
      // A room nobody has owned yet (a document being created) may be written; an owned one only by its owner.
      if (this.db.get('SELECT 1 AS taken FROM room_fences WHERE room = ?', room)) throw new FencedOut(room)
      return
    }
    if (this.db.run('UPDATE room_fences SET token = token WHERE room = ? AND token = ?', room, token).changes !== 1) {
      this.tokens.delete(room)
      this.onFencedOut(room)
      throw new FencedOut(room)
    }
  }
}
