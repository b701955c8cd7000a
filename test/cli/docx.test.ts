// `accord inspect|roundtrip|export FILE.docx` as a user runs them: a real process.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocx } from '../../shared/docx/index.ts'
import { cma6Docx } from '../corpus.ts'

const root = new URL('../../', import.meta.url).pathname
const accord = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/accord.mjs'), ...args], { encoding: 'utf8', cwd: root })
const scratch = mkdtempSync(join(tmpdir(), 'accord-cli-docx-'))

describe('accord on a Word document', () => {
  it('inspect adds the comments, those naming a Party or group, and the tracked changes', () => {
    const run = accord('inspect', cma6Docx)
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(JSON.parse(run.stdout)).toMatchObject({
      comments: 95,
      commentsWithParty: 93,
      insertions: 46,
      deletions: 45,
      footnotes: 18,
      // The lettered sections: A–E under chapter III and A–B under chapter XI. The chapters I.–XII.
      // are headings above them (rank 1), not sections: I, V and X no more than the others.
      sections: 7,
    })
  })

  it('roundtrip prints the text the structure is built on; export writes it out', async () => {
    const run = accord('roundtrip', cma6Docx)
    expect(run.status).toBe(0)
    expect(run.stdout).toBe((await readDocx(readFileSync(cma6Docx))).text)
    const scenario = join(scratch, 'none.json')
    writeFileSync(scenario, JSON.stringify({ resolutions: {}, variables: {}, inscriptions: {} }))
    const out = join(scratch, 'cma6.txt')
    const exported = accord('export', cma6Docx, '--resolutions', scenario, '--format', 'txt', '--as-is', '-o', out)
    expect(exported.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('55. Decides that the following information on the status')
  }, 60_000) // two CLI processes, each reading the Word file

  it('refuses a Word 97 file and a PDF with one line saying what to do', () => {
    const doc = join(scratch, 'draft.doc')
    const ole2 = Buffer.alloc(1024)
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    ole2.set(Buffer.from('WordDocument', 'utf16le'), 512)
    writeFileSync(doc, ole2)
    const pdf = join(scratch, 'draft.pdf')
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj')
    for (const [file, message] of [
      [doc, /draft\.doc is a Word 97–2003 document \(\.doc\).*save it as \.docx/],
      [pdf, /draft\.pdf: PDF import is not supported; export the text/],
    ] as const) {
      const run = accord('inspect', file)
      expect([run.status, run.stdout]).toEqual([2, ''])
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(message)
    }
  })
})
