/**
 * An `accord serve` child process for the server benchmarks: a real SQLite file in
 * `dataDir`, scratch rooms under `bench-`, a known secretariat password.
 */
import type { ChildProcess } from 'node:child_process'
import { startAccordProcess } from './accord-process.ts'

/** The secretariat's password on benchmark servers. */
export const password = 'bench-secretariat-password'

/** Starts the server; resolves with its process and base URL once it listens. */
export async function startAccord(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const started = await startAccordProcess(dataDir, password, {
    ACCORD_SCRATCH_PREFIX: 'bench-',
    ACCORD_MAX_CONNECTIONS_PER_ACCOUNT: '2000',
    ...env,
  })
  started.child.stdout!.resume()
  return started
}

/** POSTs JSON to the server's API, throwing on a non-2xx answer. */
export async function api(url: string, route: string, token: string | undefined, body: unknown): Promise<any> {
  const res = await fetch(url + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`)
  return res.json()
}
