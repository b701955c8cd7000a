/**
 * The yardstick data the product ships (`templates/yardsticks/*.csv`), bundled
 * as text by Vite and parsed once, the first time a panel asks for it.
 */
import inscriptionsCsv from '../../templates/yardsticks/inscriptions.csv?raw'
import partyYearsCsv from '../../templates/yardsticks/party-years.csv?raw'
import worldCsv from '../../templates/yardsticks/world.csv?raw'
import { parseYardstickData, type YardstickData } from '../../shared/yardsticks/yardstick-data.ts'

let parsed: YardstickData | undefined

/** The parsed shipped data (parsed on first use). */
export function shippedYardstickData(): YardstickData {
  return (parsed ??= parseYardstickData({ inscriptions: inscriptionsCsv, partyYears: partyYearsCsv, world: worldCsv }))
}
