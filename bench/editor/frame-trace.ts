/**
 * Chromium's timeline trace (CDP `Tracing`, the DevTools "Performance" categories) of one
 * phase of the editor benchmark, summed per kind of rendering work: how long style
 * recalculation, layout, pre-paint, paint and the compositor's commit took in total and at
 * most, and how many elements a style recalculation touched and how many layout objects
 * were dirty — what the JS profile cannot show, the browser's own work per frame.
 * `PROFILE_OUT=FILE` also writes the raw trace events.
 */
import { writeFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import type { RunningProfile } from './cpu-profile.ts'

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tid: number
  args?: {
    elementCount?: number
    beginData?: { dirtyObjects?: number; totalObjects?: number }
    data?: { type?: string; functionName?: string; url?: string; lineNumber?: number }
  }
}

const kinds = [
  'EventDispatch',
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
]

/** Starts tracing the page behind `cdp`. */
export async function startFrameTrace(cdp: CDPSession): Promise<RunningProfile> {
  const events: TraceEvent[] = []
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline' +
      (process.env.TRACE_INVALIDATIONS ? ',disabled-by-default-devtools.timeline.invalidationTracking' : ''),
    transferMode: 'ReportEvents',
  })
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
      await cdp.send('Tracing.end')
      await done
      cdp.off('Tracing.dataCollected', collect)
      if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(events))
      const lines: string[] = []
      for (const kind of kinds) {
        const xs = events.filter((e) => e.name === kind && e.ph === 'X' && e.dur !== undefined)
        if (xs.length === 0) continue
        const durs = xs.map((e) => e.dur! / 1000).sort((a, b) => a - b)
        const sum = durs.reduce((a, b) => a + b, 0)
        let extra = ''
        if (kind === 'UpdateLayoutTree') {
          const counts = xs.map((e) => e.args?.elementCount ?? 0).sort((a, b) => a - b)
          extra = `; elements p50 ${counts[counts.length >> 1]}, max ${counts[counts.length - 1]}`
        }
        if (kind === 'Layout') {
          const dirty = xs.map((e) => e.args?.beginData?.dirtyObjects ?? 0).sort((a, b) => a - b)
          const total = Math.max(...xs.map((e) => e.args?.beginData?.totalObjects ?? 0))
          extra = `; dirty objects p50 ${dirty[dirty.length >> 1]}, max ${dirty[dirty.length - 1]} of ${total}`
        }
        const q = (p: number) => durs[Math.min(durs.length - 1, Math.floor(p * durs.length))].toFixed(2)
        lines.push(
          `  ${kind.padEnd(16)} ×${String(xs.length).padStart(4)}  total ${sum.toFixed(0).padStart(5)} ms  p50 ${q(0.5)}  p95 ${q(0.95)}  max ${durs[durs.length - 1].toFixed(2)} ms${extra}`,
        )
      }
      // What the page's own code ran on: events by type, calls by function.
      const by = new Map<string, number>()
      for (const e of events) {
        if (e.ph !== 'X' || e.dur === undefined) continue
        const d = e.args?.data
        const what =
          e.name === 'EventDispatch'
            ? `event ${d?.type}`
            : e.name === 'FunctionCall'
              ? `call ${d?.functionName || '(anon)'} ${d?.url?.split('/').pop()}:${d?.lineNumber}`
              : null
        if (what) by.set(what, (by.get(what) ?? 0) + e.dur / 1000)
      }
      for (const [what, total] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15))
        lines.push(`    ${total.toFixed(0).padStart(5)} ms  ${what}`)
      return lines.join('\n')
    },
  }
}
