/**
 * Benchmark of the secretariat's desk against a real server in this process (real
 * SQLite file, HTTP on 127.0.0.1): previewing and creating the non-paper from an upload
 * (creation adds the store transaction and Rev.0 to the same import), deleting an
 * unedited document (the state-vector check against Rev.0), and exporting the issued
 * consolidated text in every format from the draft and from Rev.0; and, in process, the
 * cost of issuing a consolidation (linked brackets, applicability, closing annexes, the
 * removal check) against the bare consolidation. Ratios within one run are the figures
 * to quote: the machine is shared. Run: npx tsx bench/desk.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startServer } from '../server/app.ts'
import { optionsFromEnv } from '../server/config.ts'
import { readDocumentTemplate, readPartyTable } from '../server/templates/read-template.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { issueConsolidation } from '../shared/consolidate/issued-consolidation.ts'
import { importText } from '../shared/import/index.ts'
import { computeScenario } from '../shared/model/compute.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { readScenario } from '../shared/model/scenario.ts'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const template = readDocumentTemplate()
const parties = readPartyTable()
const doha = readScenario(JSON.parse(readFileSync(path.join(root, 'templates/non-paper/doha.json'), 'utf8')))
const password = 'bench-secretariat-password-41'

// One untimed run first (index `runs`): the code paths are compiled before any is timed.
async function best(label: string, runs: number, f: (i: number) => Promise<unknown> | unknown): Promise<number> {
  await f(runs)
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await f(i)
    min = Math.min(min, performance.now() - t)
  }
  console.log(`  ${label.padEnd(46)} ${min.toFixed(1).padStart(8)} ms (best of ${runs})`)
  return min
}

const dir = mkdtempSync(path.join(tmpdir(), 'accord-bench-desk-'))
const server = await startServer({
  ...optionsFromEnv({}),
  port: 0,
  host: '127.0.0.1',
  dataDir: dir,
  templatesDir: path.join(root, 'templates'),
  secretariatPassword: password,
  log: () => {},
})
try {
  const login = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretariat', password }),
  })
  const token = ((await login.json()) as { token: string }).token
  const call = async (method: string, route: string, body?: string, type = 'text/plain') => {
    const res = await fetch(server.url + route, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': type } : {}) },
      body,
    })
    if (res.status >= 400) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
    return res
  }
  console.log(`desk (non-paper, ${template.text.length.toLocaleString('en')} characters, over HTTP)`)
  const preview = await best('preview an upload (import, nothing stored)', 5, () =>
    call('POST', '/api/documents/preview?title=Bench', template.text),
  )
  const create = await best('create it (import, store, Rev.0)', 5, (i) =>
    call('POST', `/api/documents?title=Bench%20${i}`, template.text),
  )
  const remove = await best('delete an unedited document (check + drop)', 5, (i) =>
    call('DELETE', `/api/documents/bench-${i}`),
  )
  console.log(`  create / preview ${(create / preview).toFixed(2)}×; delete / create ${(remove / create).toFixed(2)}×`)
  for (const format of ['txt', 'html', 'docx', 'akn', 'pdf']) {
    const runs = format === 'pdf' ? 3 : 5
    const draft = await best(`export ${format} consolidated, draft`, runs, () =>
      call('GET', `/api/documents/non-paper/export?format=${format}`).then((r) => r.arrayBuffer()),
    )
    const rev0 = await best(`export ${format} consolidated, Rev.0`, runs, () =>
      call('GET', `/api/documents/non-paper/export?format=${format}&revision=Rev.0`).then((r) => r.arrayBuffer()),
    )
    console.log(`  ${format}: from Rev.0 / from the draft ${(rev0 / draft).toFixed(2)}×`)
  }
} finally {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
}

// CPU time, not wall time: the machine is shared, and a step waiting for a core costs it nothing.
const cpuMs = (f: () => unknown): number => {
  const start = process.cpuUsage()
  f()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
console.log('issuing a consolidation (in process, Doha scenario; CPU time, the steps interleaved, median of 60 each)')
const { doc } = importText(template.text, { annotations: template.annotations })
const steps = {
  consolidate: () =>
    consolidate(doc, doha, {
      bindings: template.bindings,
      computation: computeScenario(indexDocument(doc), template.bindings, doha, parties),
    }),
  issue: () => issueConsolidation(doc, doha, template.bindings, parties),
}
const samples: Record<string, number[]> = { consolidate: [], issue: [] }
for (let i = 0; i < 70; i++)
  for (const name of ['consolidate', 'issue'] as const) {
    const ms = cpuMs(steps[name])
    if (i >= 10) samples[name].push(ms)
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const bare = median(samples.consolidate)
const issued = median(samples.issue)
console.log(`  ${'consolidate (compute + consolidate)'.padEnd(46)} ${bare.toFixed(1).padStart(8)} ms`)
console.log(`  ${'issue (complete scenario, compute, annexes)'.padEnd(46)} ${issued.toFixed(1).padStart(8)} ms`)
console.log(`  issue / consolidate ${(issued / bare).toFixed(2)}×`)
