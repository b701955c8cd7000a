// The import thread's entry. Worker threads do not inherit the loader that lets the
// server run TypeScript in place (tsx under `accord serve`, vite under vitest), so the
// entry is plain JavaScript that registers tsx's loader before loading the job.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { runImport } = await import('./import-job.ts')

parentPort.on('message', ({ id, job }) => {
  let reply
  try {
    const imported = runImport(job)
    const transfer = [imported.text.buffer, ...(imported.proposals ? [imported.proposals.buffer] : [])]
    reply = () => parentPort.postMessage({ id, ok: true, imported }, transfer)
  } catch (error) {
    reply = () => parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error) })
  }
  reply()
})
parentPort.postMessage({ ready: true })
