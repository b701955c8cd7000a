/**
 * WAL checkpoints off the event loop. The main connection's auto-checkpoint is turned off
 * (SQLite would otherwise run it inside a commit, on the event loop, while relays wait);
 * after commits, at most one PASSIVE checkpoint at a time runs in the store worker
 * (`store-worker.ts`), `intervalMs` after the commit that made the WAL dirty. A PASSIVE
 * checkpoint never blocks a writer, and a WAL it copied completely is rewound by the
 * next commit, so the WAL stays small while updates flow.
 */
import type { SqliteSql } from './sqlite-sql.ts'
import type { CheckpointResult, StoreWorker } from './store-worker.ts'

/** Counters, for the benchmarks and the memory report. */
export interface CheckpointStats {
  checkpoints: number
  /** Longest checkpoint, ms (in the worker: never on the event loop). */
  maxMs: number
  /** WAL frames at the last checkpoint. */
  lastLogFrames: number
  failures: number
}

/** Schedules PASSIVE checkpoints in the store worker after commits. */
export class Checkpointer {
  readonly stats: CheckpointStats = { checkpoints: 0, maxMs: 0, lastLogFrames: 0, failures: 0 }
  private dirty = false
  private running = false
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    store: SqliteSql,
    private readonly worker: StoreWorker,
    private readonly intervalMs = 100,
    private readonly log: (line: string) => void = () => {},
  ) {
    store.db.pragma('wal_autocheckpoint = 0')
  }

  /** Called after a commit: a checkpoint follows within `intervalMs`. */
  committed(): void {
    this.dirty = true
    this.schedule()
  }

  /** Stops scheduling and waits for a running checkpoint (shutdown checkpoints on the main connection). */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  private schedule(): void {
    if (this.running || this.timer || this.stopped || !this.dirty) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.dirty = false
      this.running = true
      this.worker.checkpoint().then(
        (result) => this.done(result),
        (error: Error) => {
          this.stats.failures += 1
          this.log(`accord: WAL checkpoint failed: ${error.message}`)
          this.done(undefined)
        },
      )
    }, this.intervalMs)
    this.timer.unref()
  }

  private done(result: CheckpointResult | undefined): void {
    this.running = false
    if (result) {
      this.stats.checkpoints += 1
      this.stats.maxMs = Math.max(this.stats.maxMs, result.ms)
      this.stats.lastLogFrames = result.log
      // Frames written while it copied are left for the next one.
      if (result.checkpointed < result.log) this.dirty = true
    }
    this.schedule()
  }
}
