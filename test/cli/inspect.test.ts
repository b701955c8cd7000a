// `accord inspect` and `accord roundtrip` as a user runs them: a real process.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url).pathname
const accord = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/accord.mjs'), ...args], { encoding: 'utf8', cwd: root })
const scratch = mkdtempSync(join(tmpdir(), 'accord-cli-'))

describe('accord inspect', () => {
  it('prints the template counts as JSON, with its annotations', () => {
    const run = accord('inspect', 'templates/non-paper')
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({ sections: 9, options: 22, bracketGroups: 19, tables: 5, partyRows: 124, maxDepth: 2 })
    expect(out.placeholders).toEqual(['P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Z'])
    expect(out.diagnostics).toHaveLength(2)
  })

  it('reports diagnostics of a text of our own and still exits 0', () => {
    const file = join(scratch, 'messy.txt')
    writeFileSync(file, 'Option (a): The Parties [shall][should] [ensure\n\nthat]] X per cent\n\nOption (b): none')
    const run = accord('inspect', file)
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({ options: 2, bracketGroups: 1, optionalBrackets: 1, placeholders: ['X'] })
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ line: 3, column: 6, message: "']' closes no open bracket: kept as text" }),
    ])
  })

  it('exits 2 with one line on stderr for a missing or binary file', () => {
    const binary = join(scratch, 'binary.txt')
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]))
    for (const [file, message] of [
      [binary, /not a text file \(NUL byte at offset 1\)/],
      [join(scratch, 'none.txt'), /no such file/],
    ] as const) {
      const run = accord('inspect', file)
      expect(run.status).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(message)
    }
    const latin1 = join(scratch, 'latin1.txt')
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    expect(accord('roundtrip', latin1).stderr).toMatch(/not UTF-8 text/)
  })
})

describe('accord roundtrip', () => {
  it('prints the template back byte for byte', () => {
    const run = accord('roundtrip', 'templates/non-paper/text.txt')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(readFileSync(join(root, 'templates/non-paper/text.txt'), 'utf8'))
  })
})
