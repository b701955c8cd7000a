/**
 * A witness of the server's event loop: while it runs it asks, every `everyMs`, for the
 * health check over HTTP and for a WebSocket ping on an open sync socket (the server's
 * `ws` answers the pong on its event loop), and records how long each answer took. A
 * server that stalls shows it in these round trips, whoever caused the stall.
 */
import type WebSocket from 'ws'

/** Round trips in ms, by kind. */
export interface WitnessReport {
  http: number[]
  ws: number[]
}

/** The q-quantile (0..1) of `values`. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

/** Starts witnessing `baseUrl` and `socket`; `stop` ends it and gives the round trips. */
export function witnessLoop(baseUrl: string, socket: WebSocket, everyMs = 20): { stop: () => Promise<WitnessReport> } {
  const report: WitnessReport = { http: [], ws: [] }
  let running = true
  const http = (async () => {
    while (running) {
      const start = performance.now()
      const res = await fetch(baseUrl + '/healthz')
      await res.text()
      report.http.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  const ws = (async () => {
    while (running) {
      const start = performance.now()
      await new Promise<void>((resolve) => {
        socket.once('pong', () => resolve())
        socket.ping()
      })
      report.ws.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  return {
    async stop() {
      running = false
      await Promise.all([http, ws])
      return report
    },
  }
}
