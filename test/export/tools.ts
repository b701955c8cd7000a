/**
 * The system tools the export tests read files back with. A missing tool is a
 * failure that says how to install it — never a skip.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_MISSING, CHROMIUM_PATH } from '../../server/chromium.ts'

const PACKAGES: Record<string, string> = {
  xmllint: 'libxml2-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
}

/** Throw unless `tool` is on PATH, naming the Debian package to install. */
export function requireTool(tool: string): void {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' })
  } catch {
    throw new Error(
      `${tool} is not installed: install it with "bin/install-system-tools" (Debian's ${PACKAGES[tool] ?? tool})`,
    )
  }
}

/** Throw unless Chromium is where the PDF export looks for it. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING)
}

/** Run `tool` with `args` and return its stdout. */
export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}
