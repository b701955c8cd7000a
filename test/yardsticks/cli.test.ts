import { afterEach, describe, expect, it, vi } from 'vitest'
import { fileURLToPath } from 'node:url'
import { yardstickCommand } from '../../server/cli/yardstick.ts'
import { frankelCommand } from '../../server/cli/frankel.ts'
import { entryIntoForceCommand } from '../../server/cli/entry-into-force.ts'

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true))
  return { out: () => out.join(''), err: () => err.join('') }
}
afterEach(() => vi.restoreAllMocks())

describe('accord yardstick / frankel / entry-into-force', () => {
  it('prints the yardstick with slope, R² and n', async () => {
    const io = capture()
    expect(await yardstickCommand([])).toBe(0)
    expect(io.out()).toContain('slope 3.00 % cut per 10 % income')
    expect(io.out()).toMatch(/R² 0\.67, n 38/)
  })

  it('answers --json with the rows and the line', async () => {
    const io = capture()
    expect(await yardstickCommand(['--period', 'cp2', '--json'])).toBe(0)
    const y = JSON.parse(io.out())
    expect(y.line.n).toBe(37)
    expect(y.rows.find((r: { party: string }) => r.party === 'Norway').qelrc).toBe(84)
  })

  it('explains a bad option in one line and exits 2', async () => {
    const io = capture()
    expect(await yardstickCommand(['--baseline', '2012-2008'])).toBe(2)
    expect(io.err()).toBe('accord yardstick: --baseline 2012-2008: the range ends before it starts\n')
  })

  it('prints one Frankel path, and names an unknown Party', async () => {
    const io = capture()
    expect(await frankelCommand(['--party', 'Japan', '--json'])).toBe(0)
    const { paths } = JSON.parse(io.out())
    expect(paths).toHaveLength(1)
    expect(paths[0].path).toHaveLength(19) // 2010, 2015 … 2100
    expect(await frankelCommand(['--party', 'Japon'])).toBe(2)
    expect(io.err()).toContain('no Party named "Japon"')
  })

  it('evaluates the example acceptance list: 6 of 8 received, in force on the 90th day after the 6th', async () => {
    const io = capture()
    const file = fileURLToPath(new URL('../../templates/yardsticks/example-acceptances.json', import.meta.url))
    expect(await entryIntoForceCommand([file])).toBe(0)
    const s = JSON.parse(io.out())
    expect(s.threshold).toBe(6)
    expect(s.entryIntoForce).toBe('2014-08-13') // 15 May 2014 + 90 days: 16 (May) + 30 + 31 + 13
    expect(s.provisionallyApplied).toBe(true)
    // Covered: A, B, D, F = 600 of 1000 ≥ 55 %, reached with D on 31 March (550).
    expect(s.paragraph1Ter.coverage).toEqual({ met: true, since: '2014-03-31', share: 0.6 })
    expect(s.paragraph1Ter.annexIAcceptances.missing).toBe('1 more acceptance(s) by Parties included in Annex I')
  })
})
