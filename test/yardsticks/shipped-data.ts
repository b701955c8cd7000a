/** The yardstick data as shipped in templates/yardsticks, for tests that check real figures. */
import { readFileSync } from 'node:fs'
import { parseYardstickData, type YardstickData } from '../../shared/yardsticks/yardstick-data.ts'

const read = (file: string) => readFileSync(new URL(`../../templates/yardsticks/${file}`, import.meta.url), 'utf8')

/** Parsed once per test file. */
export const shippedData: YardstickData = parseYardstickData({
  inscriptions: read('inscriptions.csv'),
  partyYears: read('party-years.csv'),
  world: read('world.csv'),
})
