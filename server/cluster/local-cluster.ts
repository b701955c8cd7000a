/**
 * `npm run cluster`: a throwaway PostgreSQL and Redis (`local-engines.ts`) and three
 * `accord serve` processes on ports 8081-8083 (`ACCORD_CLUSTER_PORT` for the first),
 * sharing them, for trying the cluster out on one machine. Ctrl-C stops everything and
 * removes the data. Put `nginx.conf` in front for one address.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPostgres, startRedis } from './local-engines.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const firstPort = Number(process.env.ACCORD_CLUSTER_PORT || 8081)
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
console.log(`PostgreSQL ${postgres.url}\nRedis ${redis.url}`)
const children: ChildProcess[] = []

function serve(port: number): Promise<void> {
  const child = spawn(process.execPath, ['bin/accord.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ACCORD_DATABASE_URL: postgres.url, ACCORD_REDIS_URL: redis.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) console.log(`[${port}] ${line}`)
      if (chunk.toString().includes('listening on')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`accord on ${port} exited with ${code}`)))
  })
}

const stop = async () => {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all([postgres.destroy(), redis.destroy()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

// The first process creates the secretariat and the template document; the others find them.
await serve(firstPort)
await Promise.all([serve(firstPort + 1), serve(firstPort + 2)])
console.log(
  `three Accord processes: http://127.0.0.1:${firstPort} … ${firstPort + 2} (Ctrl-C stops them and the engines)`,
)
