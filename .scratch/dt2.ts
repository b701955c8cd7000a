import { importText } from '../shared/import/index.ts'
const t = `The Parties ${'['.repeat(20000)}agree${']'.repeat(20000)} to report.\n`
for (let i = 0; i < 5; i++) importText(t)
