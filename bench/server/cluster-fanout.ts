/**
 * Fan-out of one Accord process against three (issue 17), with the neutral load generator
 * (`../shared/bench/sync-load.mjs`, copied and installed in `--bench-dir` as for
 * sync-fanout.ts), side by side in one run and interleaved:
 *
 * - `reference`: the reference in-memory y-websocket server;
 * - `one`: one `accord serve` on PostgreSQL and Redis (a cluster of one: it owns every room);
 * - `three`: three `accord serve` on the same engines behind nginx (the repo's
 *   `server/cluster/nginx.conf`, least_conn), so clients spread over the processes, one
 *   owns the room and the others forward writes and relay its stream.
 *
 * Per run: fan-out p50/p99 (writer's send → receiver's socket), lost edits, and the CPU
 * each Accord process used over the run (from /proc/PID/stat, seconds and % of one core).
 * Needs nginx (`apt-get install nginx-light`); PostgreSQL and Redis are throwaway ones.
 *
 *   npx tsx bench/server/cluster-fanout.ts [--clients 300] [--repeat 2] [-- sync-load options]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { freePort, startPostgres, startRedis } from '../../server/cluster/local-engines.ts'
import { api, password, startAccord } from './accord-child.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'bench-dir': { type: 'string', default: process.env.ACCORD_BENCH_DIR ?? '/tmp/accord-bench' },
    clients: { type: 'string', default: '300' },
    repeat: { type: 'string', default: '2' },
  },
})
const load =
  positionals.length > 0
    ? positionals
    : ['--writers', '5', '--rate', '10', '--edits', '100', '--doc-bytes', '10000', '--procs', '2']
const benchDir = values['bench-dir']!
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim())

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

/** One sync-load run against `url`; resolves with its JSON line. */
function syncLoad(url: string, query: string[]): Promise<any> {
  const args = ['sync-load.mjs', '--url', url, '--clients', values.clients!, ...query, ...load]
  const child = spawn(process.execPath, args, { cwd: benchDir, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  return new Promise((resolve, reject) =>
    child.once('exit', () => {
      const last = out.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(last))
      } catch {
        reject(new Error(`sync-load printed no result: ${out.slice(-2000)}`))
      }
    }),
  )
}

function nginxConfig(listen: number, ports: number[], dir: string): string {
  const shipped = readFileSync(path.join(root, 'server/cluster/nginx.conf'), 'utf8')
  const upstream = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')
  const site = shipped
    .replace(/(upstream accord \{\n\s*least_conn;\n)[\s\S]*?\n\}/, `$1${upstream}\n}`)
    .replace('listen 80;', `listen 127.0.0.1:${listen};`)
  return [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'worker_processes 1;',
    'events { worker_connections 4096; }',
    'http {',
    `  access_log off;`,
    `  client_body_temp_path ${dir}; proxy_temp_path ${dir};`,
    site,
    '}',
  ].join('\n')
}

const children: ChildProcess[] = []
const dirs: string[] = []
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
try {
  const engines = { ACCORD_DATABASE_URL: postgres.url, ACCORD_REDIS_URL: redis.url }
  const accords: { child: ChildProcess; url: string }[] = []
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-cluster-bench-'))
    dirs.push(dir)
    const started = await startAccord(dir, engines)
    children.push(started.child)
    accords.push(started)
  }
  const ports = accords.map((a) => Number(new URL(a.url).port))
  const nginxDir = mkdtempSync(path.join(tmpdir(), 'accord-nginx-'))
  dirs.push(nginxDir)
  const front = await freePort()
  writeFileSync(path.join(nginxDir, 'nginx.conf'), nginxConfig(front, ports, nginxDir))
  const nginx = spawn('nginx', ['-c', path.join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' })
  children.push(nginx)
  const { token: secretariat } = await api(accords[0]!.url, '/api/login', undefined, {
    username: 'secretariat',
    password,
  })
  await api(accords[0]!.url, '/api/accounts', secretariat, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
    role: 'co-chair',
  })
  const { token } = await api(accords[0]!.url, '/api/login', undefined, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
  })
  for (let i = 0; i < 50 && !(await fetch(`http://127.0.0.1:${front}/healthz`).catch(() => null)); i++)
    await new Promise((r) => setTimeout(r, 100))

  const referencePort = await freePort()
  const reference = spawn(process.execPath, ['reference-server.mjs', '--port', String(referencePort)], {
    cwd: benchDir,
    stdio: 'ignore',
  })
  children.push(reference)
  await new Promise((r) => setTimeout(r, 500))

  const targets = [
    { name: 'reference', url: `ws://127.0.0.1:${referencePort}/`, query: [], pids: [reference.pid!] },
    {
      name: 'one',
      url: `${accords[0]!.url.replace(/^http/, 'ws')}/sync/`,
      query: ['--query', `token=${token}`],
      pids: [accords[0]!.child.pid!],
    },
    {
      name: 'three',
      url: `ws://127.0.0.1:${front}/sync/`,
      query: ['--query', `token=${token}`],
      pids: accords.map((a) => a.child.pid!),
    },
  ]
  const rows: string[] = []
  const results: unknown[] = []
  for (let r = 0; r < Number(values.repeat); r++)
    for (const target of targets) {
      const before = target.pids.map(cpuSeconds)
      const started = performance.now()
      const result = await syncLoad(target.url, target.query)
      const wallS = (performance.now() - started) / 1000
      const cpu = target.pids.map((pid, i) => cpuSeconds(pid) - before[i]!)
      const fan = result.latencyMs.recv
      const cpuText = cpu.map((s) => `${s.toFixed(1)} s (${((100 * s) / wallS).toFixed(0)} %)`).join(' / ')
      rows.push(
        `| ${target.name} | ${r + 1} | ${fan.median.toFixed(2)} | ${fan.p99.toFixed(2)} | ${fan.max.toFixed(1)} | ${result.sync.p95.toFixed(0)} | ${result.edits.lostEdits} | ${cpuText} |`,
      )
      console.log(rows.at(-1))
      results.push({
        target: target.name,
        repeat: r + 1,
        recv: fan,
        sync: result.sync,
        lost: result.edits.lostEdits,
        cpuS: cpu,
        wallS,
      })
    }
  console.log(`\n${values.clients} clients, ${load.join(' ')}`)
  console.log(
    '| target | run | fan-out p50 ms | p99 ms | max ms | sync p95 ms | lost | CPU per Accord process over the run |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) console.log(row)
  console.log(JSON.stringify({ clients: Number(values.clients), load, results }))
} finally {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all([postgres.destroy(), redis.destroy()])
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
