#!/usr/bin/env node
// The `accord` command. The sources are TypeScript; tsx loads them in place so
// `npx accord` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../server/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
