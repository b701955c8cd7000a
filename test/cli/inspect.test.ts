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

  it('lists every option, group, optional bracket, placeholder, footnote and heading with --outline', () => {
    const file = join(scratch, 'outline.md')
    writeFileSync(
      file,
      '## Article 4\n\n4. **Option 1:** Parties [shall][should] report by 20XX.[^1]\n\n    **Option 2:** Parties [may] report.\n\n5. Next.\n\n[^1]: See decision 1/CP.21.\n',
    )
    const run = accord('inspect', file, '--outline')
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.options).toBe(2)
    expect(out.outline).toEqual([
      { kind: 'heading', id: 'h1', line: 1, column: 1, endLine: 1, label: 'Article 4', name: 'Article 4' },
      {
        kind: 'option',
        id: 'o1',
        line: 3,
        column: 4,
        endLine: 3,
        label: '**Option 1:**',
        name: 'Option 1 of paragraph 4',
        run: 'run1',
      },
      { kind: 'bracketGroup', id: 'g1', line: 3, column: 26, endLine: 3 },
      { kind: 'placeholder', id: 'p1', line: 3, column: 52, endLine: 3, name: '20XX' },
      {
        kind: 'option',
        id: 'o2',
        line: 5,
        column: 5,
        endLine: 5,
        label: '**Option 2:**',
        name: 'Option 2 of paragraph 4',
        run: 'run1',
      },
      { kind: 'optional', id: 'g2', line: 5, column: 27, endLine: 5 },
      { kind: 'footnote', id: 'f1', line: 9, column: 1, endLine: 9, label: '1' },
    ])
    expect(out.guessed).toEqual([])
    // Without the flag, no outline: the JSON stays what it was.
    expect(JSON.parse(accord('inspect', file).stdout).outline).toBeUndefined()
  })

  it("lists the importer's guesses, each with its place", () => {
    const file = join(scratch, 'guesses.txt')
    writeFileSync(file, 'Parties [shall] [should] report.\n')
    const out = JSON.parse(accord('inspect', file).stdout)
    expect(out.guessed.map((g: { id: string; line: number; column: number }) => [g.id, g.line, g.column])).toEqual([
      ['g1', 1, 9],
      ['g2', 1, 17],
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
