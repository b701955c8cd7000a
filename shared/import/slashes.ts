/**
 * Finds alternatives written with ` / ` and no brackets (`shall / should`).
 * Only single words on each side count: the text gives no scope beyond them,
 * so the importer marks every such group as a guess.
 */

/** One run of slash alternatives in a piece of text. */
export interface SlashRun {
  from: number
  to: number
  words: string[]
}

const SLASHES = /(?<![\p{L}\p{N}])\p{L}[\p{L}'’-]*(?: \/ \p{L}[\p{L}'’-]*)+(?![\p{L}\p{N}])/gu

const NONE: SlashRun[] = []

/** Slash alternatives in `text`, in order. */
export function findSlashRuns(text: string): SlashRun[] {
  if (!text.includes(' / ')) return NONE
  const runs: SlashRun[] = []
  SLASHES.lastIndex = 0
  for (let m = SLASHES.exec(text); m; m = SLASHES.exec(text)) {
    runs.push({ from: m.index, to: m.index + m[0].length, words: m[0].split(' / ') })
  }
  return runs
}
