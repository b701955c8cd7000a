import { importText } from '../shared/import/index.ts'
const nested = (d: number) => `The Parties ${'['.repeat(d)}agree${']'.repeat(d)} to report.\n`
const sizes = [1000, 2500, 5000, 10000, 20000, 40000]
for (let r = 0; r < 3; r++) for (const n of sizes) importText(nested(n))
for (const n of sizes) { let b = 1e9; for (let i = 0; i < 5; i++) { const s = performance.now(); importText(nested(n)); b = Math.min(b, performance.now() - s) } console.log(n, b.toFixed(2), (b / n * 1000).toFixed(2), 'µs/level') }
