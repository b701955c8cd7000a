/**
 * The names a negotiating text gives the Parties in its tables: the 193 Member
 * States of the United Nations (short names as the UN lists them, with the
 * spellings texts of other years use), the observer States, and the European
 * Community/Union. The importer asks it whether a table's rows are Parties: a
 * field/value table is not a table of Parties.
 */
import { partyNameKey } from './table.ts'

const MEMBER_STATES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia (Plurinational State of)|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran (Islamic Republic of)|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia (Federated States of)|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom of Great Britain and Northern Ireland|United Republic of Tanzania|United States of America|Uruguay|Uzbekistan|Vanuatu|Venezuela (Bolivarian Republic of)|Viet Nam|Yemen|Zambia|Zimbabwe`

// Observer States, the Union, and spellings of other years and of everyday use.
const OTHER_NAMES = `Holy See|State of Palestine|Palestine|European Community|European Union|Czech Republic|Turkey|Swaziland|Cape Verde|The former Yugoslav Republic of Macedonia|Macedonia|Russia|United Kingdom|United States|Bolivia|Iran|Micronesia|Venezuela|Vietnam|Moldova|Korea|Syria|Tanzania|Laos|Ivory Coast|Cote d'Ivoire|Côte d’Ivoire|Democratic People’s Republic of Korea|Lao People’s Democratic Republic|Brunei|East Timor|Cook Islands|Niue`

const NAMES = new Set([...MEMBER_STATES.split('|'), ...OTHER_NAMES.split('|')].map(partyNameKey))

/** Whether `name` (markers stripped) is the name of a State or of the European Community/Union. */
export function isStateName(name: string): boolean {
  return NAMES.has(partyNameKey(name))
}
