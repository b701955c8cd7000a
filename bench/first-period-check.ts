/**
 * Prints the first-period check table: for every Party with an official
 * first-period assigned amount, the base year derived from it beside the
 * independently published one (EEA 2008 via the Telegraph, 0.1 Mt), then the
 * EU-15 bubble against its member States.
 *
 *   npx tsx bench/first-period-check.ts [DATA_DIR]
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstPeriodBubble } from '../shared/amounts/joint-fulfilment.ts'
import { parseCsv } from '../shared/parties/csv.ts'
import { parsePartyTable } from '../shared/parties/table.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = process.argv[2] ? resolve(process.argv[2]) : resolve(root, '../shared/data')
const table = parsePartyTable(
  readFileSync(resolve(root, 'templates/parties/parties.csv'), 'utf8'),
  'templates/parties/parties.csv',
)

// The published base years are read straight from the reference file, not from the table.
const [header, ...records] = parseCsv(
  readFileSync(resolve(dataDir, 'eu_burden_sharing_and_base_year_telegraph_2008.csv'), 'utf8'),
)
const col = (name: string) => header!.fields.indexOf(name)
const spelled: Record<string, string> = {
  'EU-15': 'European Community',
  'United Kingdom': 'United Kingdom of Great Britain and Northern Ireland',
}
const published = new Map(
  records.map((r) => [
    spelled[r.fields[col('member_state')]!] ?? r.fields[col('member_state')]!,
    r.fields[col('kyoto_base_year_Mt')]!,
  ]),
)

const rows = [
  ['Party', 'QELRC %', 'share %', 'official AA (t)', 'derived base year (Mt)', 'published (Mt)', 'difference (Mt)'],
]
for (const p of table.parties.filter((p) => p.cp1AssignedAmountT !== undefined)) {
  const derivedMt = p.baseYearT! / 1e6
  const pub = published.get(p.name)
  rows.push([
    p.name,
    String(p.qelrcCp1Pct),
    String(p.burdenSharingPct ?? p.qelrcCp1Pct),
    p.cp1AssignedAmountT!.toLocaleString('en-US'),
    derivedMt.toFixed(4),
    pub ?? '—',
    pub ? (derivedMt - Number(pub)).toFixed(4) : '—',
  ])
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
const line = (r: string[]) =>
  `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
process.stdout.write(
  [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n') + '\n',
)

const bubble = firstPeriodBubble(table.parties)
process.stdout.write(
  `\nEU-15 bubble: Community ${bubble.communityT.toLocaleString('en-US')} t; member States sum ${bubble.memberStatesT.toLocaleString('en-US')} t; ` +
    `difference ${bubble.differenceT.toLocaleString('en-US')} t (${bubble.differencePct.toFixed(4)} %)\n`,
)
