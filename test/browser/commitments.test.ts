// The amounts panel with Annex B.I on the table, in Debian's chromium against a
// real server: commitments of every kind per Party, the implied emissions (an
// interval where an offer is conditional), the aggregate's conditional end, the
// totals with their assumptions, and the side-by-side view; all equal to the
// shared model's figures, and live when a co-chair in another window inscribes.
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { readSharedBindings, writeSharedScenario } from '../../shared/document/model-state.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { formatInterval, formatMt, formatPercent } from '../../client/format/number-format.ts'
import { readPartyTable } from '../../server/templates/read-template.ts'
import { browserSuite, connectYClient, openDocument, saveScreenshot, templateFile } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const parties = readPartyTable()
const multiTrack = readScenario(templateFile('multi-track.json'))
let writer: Awaited<ReturnType<typeof connectYClient>>
const suite = browserSuite(async (server) => {
  writer = await connectYClient(server.url, 'non-paper', (await server.account('co-chair')).token)
  writeSharedScenario(writer.doc, multiTrack)
  await new Promise((r) => setTimeout(r, 300))
})

describe('the amounts panel with commitments of every kind', () => {
  it(
    'shows each Party’s commitments and what they imply, live, with the side-by-side view',
    { timeout: 90_000 },
    async () => {
      const { page } = await suite.person('co-chair', undefined, { height: 1400 })
      await openDocument(page, title)
      const panel = page.locator('.amounts-panel')
      // The oracle: the shared model on what the room holds.
      const expected = () =>
        computeScenario(
          indexDocument(readNegotiationDoc(writer.doc)),
          readSharedBindings(writer.doc).bindings,
          {
            resolutions: textRoom(writer.doc).resolutions.toJSON(),
            values: textRoom(writer.doc).values.toJSON(),
            inscriptions: textRoom(writer.doc).inscriptions.toJSON(),
          },
          parties,
        ).results
      const now = expected()
      const china = now.rows.find((r) => r.party === 'China')!.commitments!
      const chinaRow = panel.locator('.amounts-table tr[data-party="China"]')
      await expect
        .poll(() => chinaRow.locator('.implied').textContent(), { timeout: 10_000 })
        .toBe(`~${formatInterval(china.annualT!, formatMt)}`)
      expect(await chinaRow.locator('.commitment').textContent()).toBe('intensity −40–45 % by 2020')
      expect(await chinaRow.locator('.commitment-item').getAttribute('title')).toBe(
        'intensity: 40–45 % below 2005 emissions per unit of GDP by 2020',
      )
      // Tuvalu's policy is listed, with no number of its own.
      const tuvalu = panel.locator('.amounts-table tr[data-party="Tuvalu"]')
      expect(await tuvalu.locator('.commitment').textContent()).toBe('policy')
      expect(await tuvalu.locator('.commitment-item').getAttribute('title')).toContain(
        'policies and measures: electricity',
      )
      expect(await panel.locator('.amounts-table tr[data-party="Tuvalu"] .implied').textContent()).toBe('')
      // The aggregate's conditional end and whom it covers (1 bis Option 4).
      const a = now.aggregate!
      expect(await panel.locator('.aggregate-conditional').textContent()).toBe(
        ` (conditional: ${formatPercent(a.reductionPctInterval.conditional)} %)`,
      )
      expect(await panel.locator('.aggregate-scope').textContent()).toContain(
        'Annex I and the non-Annex I Parties that elect (1 bis Option 4)',
      )
      // The totals, as intervals, and policies never added.
      expect(await panel.locator('.implied-total').textContent()).toContain(
        `${formatInterval(now.commitments!.annualT, formatMt)} Mt`,
      )
      expect(await panel.locator('.policies-total').textContent()).toBe(
        '1 listed, 0 with an estimated effect (0.0 Mt a year, never added)',
      )
      await page.locator('.commitment-assumptions-details summary').click()
      expect(await panel.locator('.commitment-assumptions li[data-party="China"]').textContent()).toContain(
        'GDP grows 8 % a year from 2005 (stated)',
      )
      await panel.locator('.commitment-totals').scrollIntoViewIfNeeded()
      await saveScreenshot(page, 'amounts-commitments', panel)

      // Side by side: China's own 40 % under each kind, the hand-worked 13,050.2 Mt for intensity.
      const side = panel.locator('.side-by-side')
      expect(await side.locator('.side-by-side-party').inputValue()).toBe('China')
      expect(await side.locator('.side-by-side-pct').inputValue()).toBe('40')
      expect(await side.locator('tr[data-kind="intensity"] td').first().textContent()).toBe(formatMt(13_050_195_882))
      expect(
        await side.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind'))),
      ).toEqual(['base-year', 'absolute', 'intensity', 'bau-deviation', 'bau-reference'])
      await side.locator('.side-by-side-pct').fill('45')
      await expect
        .poll(() => side.locator('tr[data-kind="intensity"] td').first().textContent())
        .toBe(formatMt(11_962_679_559))
      await side.scrollIntoViewIfNeeded()
      await saveScreenshot(page, 'amounts-side-by-side', side)

      // Live: another co-chair inscribes an upside-down range for Indonesia; its row shows the problem, the totals drop it.
      textRoom(writer.doc).inscriptions.set('bau.pct.conditional/Indonesia', 20)
      const indonesia = panel.locator('.amounts-table tr[data-party="Indonesia"]')
      await expect.poll(() => indonesia.locator('.commitment-item.problem').count(), { timeout: 10_000 }).toBe(1)
      expect(await indonesia.locator('.commitment-item.problem').getAttribute('title')).toMatch(
        /^bau\.pct\.conditional is 20 % but bau\.pct is 26 %/,
      )
      expect(await page.locator('.diagnostics').textContent()).toContain('Indonesia: bau.pct.conditional is 20 %')
      const after = expected()
      expect(await panel.locator('.implied-total').textContent()).toContain(
        `${formatInterval(after.commitments!.annualT, formatMt)} Mt`,
      )
      await page.close()
      writer.close()
    },
  )
})
