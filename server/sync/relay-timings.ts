/**
 * Where a relayed update's time goes on the event loop, batch by batch: applying and
 * appending (the judge has run already), the store's commit (with `synchronous=FULL`, its
 * fsync), and the sends to every member. Kept only when asked for (`ACCORD_RELAY_TIMINGS=1`,
 * the fan-out benchmark), and printed as one line at shutdown: a tail in the fan-out is
 * then a phase here, or it is not the server's event loop.
 */

/** The phases of one batch, in milliseconds. */
export interface BatchPhases {
  apply: number
  commit: number
  relay: number
}

type Phase = keyof BatchPhases
const phases: readonly Phase[] = ['apply', 'commit', 'relay']

/** The quantiles reported per phase, and the maximum, in milliseconds. */
export interface PhaseQuantiles {
  p50: number
  p99: number
  'p99.9': number
  max: number
}

/** Bounds memory on a long-running server: the first batches are the ones measured. */
const maxBatches = 1_000_000

/** Durations of every batch the durable relay committed. */
export class RelayTimings {
  private readonly samples: Record<Phase, number[]> = { apply: [], commit: [], relay: [] }

  /** Records one batch's phases. */
  record(batch: BatchPhases): void {
    if (this.samples.apply.length >= maxBatches) return
    for (const phase of phases) this.samples[phase].push(batch[phase])
  }

  /** Batches recorded. */
  get batches(): number {
    return this.samples.apply.length
  }

  /** Quantiles and maximum of one phase (undefined before the first batch). */
  quantiles(phase: Phase): PhaseQuantiles | undefined {
    const sorted = [...this.samples[phase]].sort((a, b) => a - b)
    if (sorted.length === 0) return undefined
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
    return { p50: at(0.5), p99: at(0.99), 'p99.9': at(0.999), max: sorted[sorted.length - 1]! }
  }

  /** One line: `relay timings: 812 batches; apply p50 0.21 … ms; commit …; relay …`. */
  summary(): string {
    const parts = phases.map((phase) => {
      const q = this.quantiles(phase)
      if (!q) return `${phase} -`
      return `${phase} ${Object.entries(q)
        .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
        .join(' ')} ms`
    })
    return `relay timings: ${this.batches} batches; ${parts.join('; ')}`
  }
}
