/**
 * The bracketed last sentence of 7 bis Option 1: Parties for which land-use
 * change was a net source in 1990 add those emissions to their base year.
 * Kept or deleted, it moves such a Party's base year and so its assigned
 * amount; for a net sink, or where the net figure is unknown, it changes
 * nothing.
 */
import type { Party } from '../parties/party.ts'
import { AmountInputError, requirePositive } from './input.ts'

/** Whether the co-chairs kept or deleted the sentence. */
export type LulucfSentence = 'kept' | 'deleted'

/** A base year as the sentence makes it. */
export interface LulucfBaseYear {
  baseYearT: number
  /** True when the 1990 land-use-change emissions are in the base year. */
  includesLulucf: boolean
  approximate: boolean
  /** Why the sentence changes nothing for this Party, when it does not. */
  notApplicable?: string
}

/** Base year from its LULUCF-free part and the 1990 land-use-change net emissions (positive: net source). */
export function baseYearUnderLulucfSentence(input: {
  baseYearExclLulucfT: number
  lulucf1990NetT?: number
  sentence: LulucfSentence
  approximate: boolean
}): LulucfBaseYear {
  requirePositive(
    'baseYearExclLulucfT',
    input.baseYearExclLulucfT,
    'must be base-year emissions without LULUCF, in tonnes',
  )
  const net = input.lulucf1990NetT
  if (net === undefined)
    return {
      baseYearT: input.baseYearExclLulucfT,
      includesLulucf: false,
      approximate: input.approximate,
      notApplicable: '1990 land-use-change figure unknown',
    }
  if (!Number.isFinite(net))
    throw new AmountInputError('lulucf1990NetT', net, 'must be tonnes CO2 eq, positive for a net source')
  if (net <= 0)
    return {
      baseYearT: input.baseYearExclLulucfT,
      includesLulucf: false,
      approximate: input.approximate,
      notApplicable: 'land-use change was not a net source in 1990',
    }
  return input.sentence === 'kept'
    ? { baseYearT: input.baseYearExclLulucfT + net, includesLulucf: true, approximate: input.approximate }
    : { baseYearT: input.baseYearExclLulucfT, includesLulucf: false, approximate: input.approximate }
}

/**
 * A Party's base year under the sentence. The table's base year of a net-source
 * Party includes land-use change (it comes from the first-period amount), so
 * the LULUCF-free base year is that minus the net figure — approximate, since
 * the net figure is itself a difference of two inventory vintages.
 */
export function partyBaseYearUnderLulucfSentence(party: Party, sentence: LulucfSentence): LulucfBaseYear {
  if (party.baseYearT === undefined)
    throw new AmountInputError(`${party.name}.baseYearT`, undefined, 'the party table has no base year for this Party')
  const exact = party.baseYearPrecision === 'exact'
  if (party.lulucf1990NetSource !== true || party.lulucf1990NetT === undefined) {
    return baseYearUnderLulucfSentence({
      baseYearExclLulucfT: party.baseYearT,
      lulucf1990NetT: party.lulucf1990NetSource === false ? 0 : undefined,
      sentence,
      approximate: !exact,
    })
  }
  const excl = party.baseYearT - party.lulucf1990NetT
  return sentence === 'kept'
    ? { baseYearT: party.baseYearT, includesLulucf: true, approximate: !exact }
    : { baseYearT: excl, includesLulucf: false, approximate: true }
}
