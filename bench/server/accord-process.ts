/**
 * A real `accord serve` in a child process for the server benches: its own event loop,
 * an empty data directory, the secretariat's password given; resolves with the URL it
 * prints once it listens. `BENCH_SERVER_PROFILE=DIR` in the environment writes the
 * server's CPU profile (`node --cpu-prof`) to DIR when it exits.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Starts `accord serve` on a free port with `env` added to this process's environment. */
export async function startAccordProcess(
  dataDir: string,
  password: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.BENCH_SERVER_PROFILE
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []
  const child = spawn(process.execPath, [...flags, 'bin/accord.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA: dataDir,
      ACCORD_SECRETARIAT_PASSWORD: password,
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
  return { child, url }
}
