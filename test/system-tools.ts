/**
 * Vitest's global setup: the system tools the tests drive must be there before any
 * test runs. As root, a missing tool is installed the way `.ci/run` does
 * (`bin/install-system-tools`); otherwise the run stops at once with the one command
 * that installs them — never dozens of failing browser tests.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_PATH } from '../server/chromium.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const installer = path.join(root, 'bin', 'install-system-tools')

function postgresInstalled(): boolean {
  const versions = '/usr/lib/postgresql'
  return existsSync(versions) && readdirSync(versions).some((v) => existsSync(path.join(versions, v, 'bin', 'initdb')))
}

function missingTools(): string[] {
  const onPath = (tool: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }
  return [
    ...(existsSync(CHROMIUM_PATH) ? [] : [`chromium (${CHROMIUM_PATH})`]),
    ...['xmllint', 'pdftotext', 'redis-server'].filter((tool) => !onPath(tool)),
    ...(postgresInstalled() ? [] : ['postgresql (/usr/lib/postgresql/*/bin/initdb)']),
  ]
}

/** Installs or names what is missing. */
export default function setup(): void {
  let missing = missingTools()
  if (missing.length === 0) return
  if (process.getuid?.() === 0 && !process.env.ACCORD_CHROMIUM) {
    execFileSync(installer, { stdio: 'inherit' })
    missing = missingTools()
    if (missing.length === 0) return
  }
  throw new Error(
    `The tests need ${missing.join(', ')}. Install them with: ${path.relative(process.cwd(), installer) || installer}` +
      ' (Debian packages chromium, libxml2-utils, poppler-utils), or set ACCORD_CHROMIUM to a Chromium binary.',
  )
}
