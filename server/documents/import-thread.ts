/**
 * The import thread: imports run in a worker thread, one at a time, so a large text never
 * holds up the event loop that answers every other client. Each import has a time budget
 * and the worker a memory budget (`resourceLimits`); an import that exceeds either is
 * refused with the reason and the worker is replaced, so the next import starts clean.
 * Imports wait in a bounded queue; when it is full the caller is told to come back later.
 */
import { Worker } from 'node:worker_threads'
import type { ImportedDocument, ImportJob } from './import-job.ts'

/** The import thread's budgets. */
export interface ImportBudget {
  /** Longest an import may run, in ms. */
  timeMs: number
  /** The worker's heap ceiling, in MB (V8's old generation). */
  memoryMb: number
  /** Imports that may wait behind the running one. */
  queue: number
}

/** Why an import was not done: the importer ran out of budget or failed (422), or the queue is full (503). */
export class ImportRefused extends Error {
  constructor(
    readonly reason: 'time' | 'memory' | 'failed' | 'busy',
    message: string,
  ) {
    super(message)
  }
}

interface Pending {
  job: ImportJob
  resolve: (imported: ImportedDocument) => void
  reject: (error: Error) => void
}

const entry = new URL('./import-worker.mjs', import.meta.url)

/** Runs imports in a worker thread within their budgets. */
export class ImportThread {
  private worker: Worker | undefined
  private ready: Promise<void> | undefined
  private readonly waiting: Pending[] = []
  private running: (Pending & { id: number; timer?: NodeJS.Timeout }) | undefined
  private nextId = 1
  private closed = false

  constructor(private readonly budget: ImportBudget) {}

  /** Imports `job` off the event loop; rejects with `ImportRefused` when it cannot. */
  run(job: ImportJob): Promise<ImportedDocument> {
    if (this.closed) return Promise.reject(new ImportRefused('busy', 'the server is shutting down'))
    if (this.waiting.length >= this.budget.queue)
      return Promise.reject(
        new ImportRefused('busy', `${this.waiting.length + 1} imports are already under way; try again shortly`),
      )
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject })
      this.pump()
    })
  }

  /** Starts the worker ahead of the first import, so that import does not wait for it to load. */
  warm(): void {
    if (!this.closed) this.start().catch(() => {})
  }

  /** Stops the worker; imports still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true
    for (const p of this.waiting.splice(0)) p.reject(new ImportRefused('busy', 'the server is shutting down'))
    this.finish(new ImportRefused('busy', 'the server is shutting down'))
    await this.worker?.terminate()
    this.worker = undefined
  }

  private pump(): void {
    if (this.running || this.waiting.length === 0) return
    const pending = this.waiting.shift()!
    const running: Pending & { id: number; timer?: NodeJS.Timeout } = { ...pending, id: this.nextId++ }
    this.running = running
    this.start()
      .then(() => {
        if (this.running !== running) return
        running.timer = setTimeout(
          () =>
            this.fail(
              new ImportRefused(
                'time',
                `the importer did not finish within its ${this.budget.timeMs / 1000} s budget; split the text into smaller documents`,
              ),
            ),
          this.budget.timeMs,
        )
        this.worker!.postMessage({ id: running.id, job: running.job })
      })
      .catch((error: Error) =>
        this.fail(new ImportRefused('failed', `the import thread did not start: ${error.message}`)),
      )
  }

  // Starts the worker if none runs; resolves once it has loaded the importer.
  private start(): Promise<void> {
    if (this.worker && this.ready) return this.ready
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    })
    worker.unref()
    this.worker = worker
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (message: { ready?: boolean }) => (message.ready ? resolve() : undefined))
      worker.once('error', reject)
    })
    worker.on('message', (message: { id?: number; ok?: boolean; imported?: ImportedDocument; message?: string }) => {
      if (message.id === undefined || message.id !== this.running?.id) return
      if (message.ok) this.finish(undefined, message.imported!)
      else this.finish(new ImportRefused('failed', `the importer could not read the text: ${message.message}`))
    })
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportRefused(
              'memory',
              `the importer ran out of its ${this.budget.memoryMb} MB memory budget; split the text into smaller documents`,
            )
          : new ImportRefused('failed', `the importer failed: ${error.message}`),
      )
    })
    worker.on('exit', () => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.ready = undefined
      this.finish(new ImportRefused('failed', 'the import thread stopped'))
    })
    return this.ready
  }

  // The running import failed in a way that leaves the worker unusable: replace it.
  private fail(error: ImportRefused): void {
    const worker = this.worker
    this.worker = undefined
    this.ready = undefined
    void worker?.terminate()
    this.finish(error)
  }

  private finish(error: Error | undefined, imported?: ImportedDocument): void {
    const running = this.running
    if (!running) return
    clearTimeout(running.timer)
    this.running = undefined
    if (error) running.reject(error)
    else running.resolve(imported!)
    if (!this.closed) this.pump()
  }
}
