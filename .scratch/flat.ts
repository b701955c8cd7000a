import { importText } from '../shared/import/index.ts'
const flat = `The Parties ${'[agree] '.repeat(10000)}to report.\n`
const nested = `The Parties ${'['.repeat(10000)}agree${']'.repeat(10000)} to report.\n`
for (let i = 0; i < 3; i++) { let t = performance.now(); importText(flat); const a = performance.now() - t; t = performance.now(); importText(nested); console.log(a.toFixed(0), (performance.now() - t).toFixed(0)) }
