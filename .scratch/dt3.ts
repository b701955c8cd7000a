import { importText } from '../shared/import/index.ts'
const nested = `The Parties ${'['.repeat(10000)}agree${']'.repeat(10000)} to report.\n`
const flat = `The Parties ${'[a]'.repeat(10000)} to report.\n`
const nested2 = `The Parties ${'['.repeat(2500)}agree${']'.repeat(2500)} to report.\n`
for (let i = 0; i < 3; i++) { importText(nested); importText(flat) }
const best = (t: string) => { let b = 1e9; for (let i = 0; i < 3; i++) { const s = performance.now(); importText(t); b = Math.min(b, performance.now() - s) } return b }
console.log('nested', best(nested).toFixed(1), 'flat', best(flat).toFixed(1), 'nested2500', best(nested2).toFixed(1))
