/**
 * Chromium's CPU profile (CDP `Profiler`) of one phase of the editor benchmark, summed
 * per function: self time says where the cycles are, total time (the function and what
 * it calls, counted once per sample) says which caller to make incremental.
 * `PROFILE_OUT=FILE` also writes the raw profile (a `.cpuprofile` DevTools opens).
 */
import { writeFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'

/** A running profile; `stop` returns its summary as printable lines. */
export interface RunningProfile {
  stop(top?: number): Promise<string>
}

/** Starts profiling the page behind `cdp`, sampling every 100 µs. */
export async function startProfile(cdp: CDPSession): Promise<RunningProfile> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  return {
    async stop(top = 45) {
      const { profile } = await cdp.send('Profiler.stop')
      if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile))
      const byId = new Map(profile.nodes.map((n) => [n.id, n]))
      const parent = new Map<number, number>()
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
      const name = (id: number) => {
        const f = byId.get(id)!.callFrame
        return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`
      }
      const self = new Map<string, number>()
      const total = new Map<string, number>()
      const dt = profile.timeDeltas ?? []
      profile.samples?.forEach((id, i) => {
        const t = (dt[i + 1] ?? dt[i] ?? 0) / 1000
        self.set(name(id), (self.get(name(id)) ?? 0) + t)
        const seen = new Set<string>()
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const key = name(at)
          if (seen.has(key)) continue
          seen.add(key)
          total.set(key, (total.get(key) ?? 0) + t)
        }
      })
      const list = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms ${k}`)
          .join('\n')
      return `self time:\n${list(self)}\ntotal time:\n${list(total)}`
    },
  }
}
