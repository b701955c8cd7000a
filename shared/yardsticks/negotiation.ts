/**
 * The yardsticks applied to one negotiation: the document's `cp2/Party`
 * inscriptions (as the Y.Doc holds them) take the place of Doha's column in the
 * yardstick data, so the income/cut line and Frankel's suggestions move with
 * every inscription a co-chair writes. The API and the editor both call these,
 * so they show the same numbers.
 */
import type { Inscriptions } from '../model/inscriptions.ts'
import { partyNameKey } from '../parties/table.ts'
import type { Party } from '../parties/party.ts'
import { frankelPath, seedParameters, type FrankelTarget } from './frankel.ts'
import { frankelQelrc, type YearSpan } from './frankel-qelrc.ts'
import { defaultAssumptions, frankelScenario } from './frankel-scenario.ts'
import {
  defaultYardstickOptions,
  incomeCutYardstick,
  type Yardstick,
  type YardstickOmission,
  type YardstickOptions,
} from './income-cut.ts'
import type { Inscription, YardstickData } from './yardstick-data.ts'

/** The yardstick data's inscriptions with the second period read from a negotiation, and the inscribed Parties the data lacks. */
export interface NegotiatedInscriptions {
  inscriptions: Inscription[]
  /** Parties inscribed in the document that the yardstick data does not know (e.g. Monaco). */
  unknown: string[]
}

/**
 * Replaces each Party's `cp2` QELRC by the document's cell, or leaves it out
 * when the document has none. The document spells Parties as the text does
 * ("European Community"), the data as Annex B does ("European Union"): the
 * party table's aliases join the two.
 */
export function negotiatedInscriptions(
  data: YardstickData,
  cells: Inscriptions,
  parties: readonly Party[],
): NegotiatedInscriptions {
  const inscribed = new Map<string, { name: string; value: number }>()
  for (const [key, value] of Object.entries(cells)) {
    if (!key.startsWith('cp2/') || typeof value !== 'number') continue
    const name = key.slice(4)
    inscribed.set(partyNameKey(name), { name, value })
  }
  const namesOf = (party: string): string[] => {
    const key = partyNameKey(party)
    const row = parties.find((p) => [p.name, ...p.aliases].some((n) => partyNameKey(n) === key))
    return row ? [party, row.name, ...row.aliases] : [party]
  }
  const used = new Set<string>()
  const inscriptions = data.inscriptions.map((ins): Inscription => {
    const { cp2: _shipped, ...others } = ins.qelrc
    const cell = namesOf(ins.party)
      .map((n) => partyNameKey(n))
      .find((k) => inscribed.has(k))
    if (cell === undefined) return { ...ins, qelrc: others }
    used.add(cell)
    return { ...ins, qelrc: { ...others, cp2: inscribed.get(cell)!.value } }
  })
  const unknown = [...inscribed].filter(([k]) => !used.has(k)).map(([, v]) => v.name)
  return { inscriptions, unknown }
}

/** The income/cut yardstick of a negotiation; `yardstick` is null while fewer than two Parties can be placed. */
export interface NegotiationYardstick {
  yardstick: Yardstick | null
  /** Why there is no line yet. */
  reason?: string
  /** Parties inscribed but not on the chart, with the reason (the yardstick's own omissions included). */
  omitted: YardstickOmission[]
}

/** The income/cut yardstick of the document's second-period inscriptions, against the module's second-period baseline. */
export function negotiationYardstick(
  data: YardstickData,
  cells: Inscriptions,
  parties: readonly Party[],
  options: YardstickOptions = defaultYardstickOptions.cp2,
): NegotiationYardstick {
  const { inscriptions, unknown } = negotiatedInscriptions(data, cells, parties)
  const notInData = unknown.map((party) => ({ party, reason: 'not in the yardstick data (templates/yardsticks)' }))
  const placeable = inscriptions.filter((i) => !i.aggregate && i.qelrc[options.period] !== undefined).length
  if (placeable < 2) {
    return {
      yardstick: null,
      reason: `${placeable} Part${placeable === 1 ? 'y' : 'ies'} inscribed for the second period; the line needs two`,
      omitted: notInData,
    }
  }
  try {
    const yardstick = incomeCutYardstick(data, inscriptions, options)
    return { yardstick, omitted: [...yardstick.omitted, ...notInData] }
  } catch (error) {
    // Fewer than two Parties with data, or all at one income: no line to draw.
    return { yardstick: null, reason: (error as Error).message, omitted: notInData }
  }
}

/** One Party's Frankel suggestion beside its inscription. */
export interface FrankelSuggestion {
  party: string
  region: string
  latecomer: boolean
  /** The document's second-period QELRC (% of base year), null when not inscribed. */
  inscribed: number | null
  /** Frankel's target over the period as a QELRC (% of base year), null without a base year. */
  suggestedQelrc: number | null
  path: FrankelTarget[]
}

/** Frankel's suggestion for every Party of the data, beside the document's inscriptions. */
export interface NegotiationFrankel {
  period: YearSpan
  suggestions: FrankelSuggestion[]
  omitted: { party: string; reason: string }[]
}

/**
 * Frankel's paths (seed parameters, default assumptions) for the data's Parties,
 * each turned into a QELRC over `period` and set beside the document's inscription.
 */
export function negotiationFrankel(
  data: YardstickData,
  cells: Inscriptions,
  parties: readonly Party[],
  period: YearSpan,
): NegotiationFrankel {
  const { inscriptions } = negotiatedInscriptions(data, cells, parties)
  const { parties: inputs, omitted } = frankelScenario(data, inscriptions, defaultAssumptions)
  const byName = new Map(inscriptions.map((i) => [i.party, i]))
  const suggestions = inputs.map((input): FrankelSuggestion => {
    const ins = byName.get(input.party)!
    const path = frankelPath(input, seedParameters)
    return {
      party: input.party,
      region: input.region,
      latecomer: input.latecomer,
      inscribed: ins.qelrc.cp2 ?? null,
      suggestedQelrc: ins.baseYearKt ? frankelQelrc(path, ins.baseYearKt, period) : null,
      path,
    }
  })
  return { period, suggestions, omitted }
}
