/**
 * The roster the product ships (`templates/parties/parties.csv` and
 * `negotiating-groups.csv`), so the editor offers a delegation its Party and
 * the groups it belongs to, and checks a comment as the server will. Bundled
 * as text by Vite and parsed once, without the yearly series.
 */
import partiesCsv from '../../templates/parties/parties.csv?raw'
import groupsCsv from '../../templates/parties/negotiating-groups.csv?raw'
import { parseRoster } from '../../shared/parties/roster.ts'

/** The Parties and the negotiating groups. */
export const roster = parseRoster(
  { text: partiesCsv, file: 'parties.csv' },
  { text: groupsCsv, file: 'negotiating-groups.csv' },
)
