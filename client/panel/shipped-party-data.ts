/**
 * The party table the product ships (`templates/parties/parties.csv`), every
 * Party with its emissions, GDP and population by year (`party-years.csv`), so
 * the editor evaluates intensity and BAU commitments as the server does.
 * Bundled as text by Vite and parsed once.
 */
import partiesCsv from '../../templates/parties/parties.csv?raw'
import partyYearsCsv from '../../templates/parties/party-years.csv?raw'
import { parsePartyTable } from '../../shared/parties/table.ts'

/** Every Party, with its series. */
export const parties = parsePartyTable(partiesCsv, 'parties.csv', {
  text: partyYearsCsv,
  file: 'party-years.csv',
}).parties
