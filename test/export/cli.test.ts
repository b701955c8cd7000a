import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { exportCommand } from '../../server/cli/export.ts'
import { golden } from '../consolidate/template-fixture.ts'

const dir = mkdtempSync(join(tmpdir(), 'accord-cli-'))

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true))
  try {
    return { code: await exportCommand(args), stderr: err.join('') }
  } finally {
    spy.mockRestore()
  }
}

describe('accord export', () => {
  it('writes the consolidated text of a template folder and lists what is left open', async () => {
    const out = join(dir, 'text.txt')
    const { code, stderr } = await cli([
      'templates/non-paper',
      '--resolutions',
      'test/consolidate/full-scenario.json',
      '--format',
      'txt',
      '-o',
      out,
    ])
    expect(code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(golden)
    expect(stderr).toContain('6 left open:')
    expect(stderr).toContain('k6 (blank) [...] — ARTICLE 1: AMENDMENT › H. Article 3, paragraph 15¹⁰ › 15.')
  })

  it('refuses an unknown format, a missing option and an unreadable resolution file with exit code 2', async () => {
    expect(await cli(['templates/non-paper', '--resolutions', 'x.json', '--format', 'rtf', '-o', 'x'])).toEqual({
      code: 2,
      stderr: 'accord export: --format rtf is not known; use one of txt, html, docx, pdf, akn, csv\n',
    })
    expect((await cli(['templates/non-paper', '--format', 'txt'])).stderr).toContain(
      'usage: accord export FILE --resolutions R.json',
    )
    expect(
      await cli(['templates/non-paper', '--resolutions', join(dir, 'none.json'), '--format', 'txt', '-o', 'x']),
    ).toEqual({ code: 2, stderr: `accord export: cannot read ${join(dir, 'none.json')}: no such file\n` })
  })
})
