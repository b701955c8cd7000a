/**
 * An `accord serve` child process for the server benchmarks: a real SQLite file in
 * `dataDir`, scratch rooms under `bench-`, a known secretariat password.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The secretariat's password on benchmark servers. */
export const password = 'bench-secretariat-password'

/** Starts the server; resolves with its process and base URL once it listens. */
export async function startAccord(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/accord.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA: dataDir,
      ACCORD_SECRETARIAT_PASSWORD: password,
      ACCORD_SCRATCH_PREFIX: 'bench-',
      ACCORD_MAX_CONNECTIONS_PER_ACCOUNT: '2000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`accord exited with ${code}: ${out}`)))
  })
  child.stdout!.resume()
  return { child, url }
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
