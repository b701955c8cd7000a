/**
 * PDF exports through one bounded browser (issue 20, item 9): four exports at once used
 * to launch four Chromiums (~1.6 GB); now they share the process's one printer, and it is
 * closed at shutdown. Browsers are counted as this process's Chromium children.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startTestServer } from './server-fixture.ts'

/** Chromium processes started by this process (the browser; its helpers are its own children). */
function chromiumChildren(): number {
  let count = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid === process.pid && /chrom/i.test(comm)) count++
  }
  return count
}

describe('PDF exports', { timeout: 90_000 }, () => {
  it('four at once launch one browser, all succeed, and shutdown closes it', async () => {
    const server = await startTestServer()
    try {
      expect(chromiumChildren()).toBe(0)
      let most = 0
      const sampler = setInterval(() => (most = Math.max(most, chromiumChildren())), 20)
      const exports = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const res = await fetch(`${server.url}/api/documents/non-paper/export?format=pdf`, {
            headers: { authorization: `Bearer ${server.secretariatToken}` },
          })
          return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
        }),
      )
      clearInterval(sampler)
      most = Math.max(most, chromiumChildren())
      for (const { status, bytes } of exports) {
        expect(status).toBe(200)
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
        expect(bytes.length).toBeGreaterThan(10_000)
      }
      expect(most).toBe(1)
      // The browser stays for the next export until idle or shutdown.
      expect(chromiumChildren()).toBe(1)
    } finally {
      await server.close()
    }
    expect(chromiumChildren()).toBe(0)
  })
})
