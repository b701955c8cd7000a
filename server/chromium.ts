/**
 * Debian's Chromium, the one browser Accord drives (PDF export, browser tests, the
 * editor benchmark), never a downloaded one. `ACCORD_CHROMIUM` names another path.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where Chromium is looked for. */
export const CHROMIUM_PATH = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a headless Chromium on a machine with a closed network and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** What to do when Chromium is missing, in one line. */
export const CHROMIUM_MISSING = `Chromium is not installed at ${CHROMIUM_PATH}: install it with "bin/install-system-tools" (Debian's chromium), or set ACCORD_CHROMIUM to its path`

/** Launches Chromium headless; throws the one-line fix when it is missing. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}
