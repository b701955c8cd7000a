import { importText } from '../shared/import/index.ts'
const nested = (depth: number) => `The Parties ${'['.repeat(depth)}agree${']'.repeat(depth)} to report.\n`
for (const n of [2500, 5000, 10000, 20000]) importText(nested(n))
for (const n of [2500, 5000, 10000, 20000]) { let best = 1e9; for (let i = 0; i < 3; i++) { const t = performance.now(); importText(nested(n)); best = Math.min(best, performance.now() - t) } console.log(n, best.toFixed(1)) }
