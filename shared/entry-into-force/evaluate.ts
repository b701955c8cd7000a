/**
 * When does an amendment to Annex B bind anyone? The non-paper's ARTICLE 2
 * (Option 1: Article 20, paragraphs 4 and 5; Option 2: provisional application
 * from the end of the first commitment period, then Article 20) and, once its
 * brackets are resolved, Article 3 paragraph 1 ter (commitments apply only once
 * a share of emissions is covered, enough Annex I Parties have accepted, and
 * the link to the AWG-LCA outcome is satisfied).
 */
import { dayNumber, daysAfter } from './calendar-date.ts'

/** A Party's instrument of acceptance, by date of receipt by the Depositary. */
export interface Acceptance {
  party: string
  date: string
  annexI?: boolean
}

/** Paragraph 1 ter with its brackets resolved; leave a condition out to drop it. */
export interface Paragraph1Ter {
  /** Share (0–1) of `emissions` that accepting Parties must cover. */
  minimumCoverage?: number
  /** Each Party's emissions in the agreed reference (any one unit). */
  emissions?: Record<string, number>
  /** The denominator of the share; by default the sum of `emissions`. */
  totalEmissions?: number
  /** Minimum number of Parties included in Annex I that have accepted. */
  minimumAnnexIAcceptances?: number
  /** Whether the links to the entry into force of the AWG-LCA outcome are satisfied. */
  lcaLinkSatisfied?: boolean
}

/** The rules chosen in ARTICLE 2 and paragraph 1 ter. */
export interface EntryIntoForceRules {
  /** Number of Parties to the Protocol (Doha: 192). */
  partiesToProtocol: number
  option: 1 | 2
  /** Last day of the first commitment period (Option 2); default 2012-12-31. */
  firstPeriodEnds?: string
  paragraph1Ter?: Paragraph1Ter
}

/** Where one condition of paragraph 1 ter stands. */
export interface ConditionStatus {
  met: boolean
  /** Date the condition was met, if it was. */
  since?: string
  /** What is missing, in words. */
  missing?: string
}

/** The answer: in force or not, since when, or what is missing. */
export interface EntryIntoForceStatus {
  asOf: string
  /** Acceptances needed: three fourths of the Parties, rounded up. */
  threshold: number
  /** Acceptances received by `asOf`. */
  accepted: number
  /** Further acceptances needed (0 once the threshold is reached). */
  acceptancesMissing: number
  /** The acceptance that reached three fourths. */
  thresholdReachedBy?: Acceptance
  /** Ninetieth day after the threshold acceptance (Art. 20.4), even if after `asOf`. */
  entryIntoForce?: string
  inForce: boolean
  /** Option 2: first day of provisional application (day after the first period ends). */
  provisionalFrom?: string
  /** Option 2: the amendment applies provisionally on `asOf` and is not yet in force. */
  provisionallyApplied: boolean
  /** Per accepting Party: date it is bound (Art. 20.4 for early acceptances, 20.5 for later ones). */
  inForceFor: { party: string; from: string }[]
  /** Paragraph 1 ter, when present. */
  paragraph1Ter?: {
    coverage?: ConditionStatus & { share: number }
    annexIAcceptances?: ConditionStatus & { count: number }
    lcaLink?: ConditionStatus
    /** Date the commitments apply: entry into force and every condition met. */
    commitmentsApplyFrom?: string
    commitmentsApply: boolean
  }
}

/** Three fourths of `parties`, rounded up: the smallest count that is at least 3/4. */
export function threeFourths(parties: number): number {
  if (!Number.isInteger(parties) || parties < 1)
    throw new Error(`the number of Parties must be a positive whole number, got ${parties}`)
  return Math.ceil((3 * parties) / 4)
}

const later = (a: string, b: string) => (dayNumber(a) >= dayNumber(b) ? a : b)

/** Evaluates `acceptances` under `rules` on the date `asOf`; acceptances dated after it are not yet received. */
export function evaluateEntryIntoForce(
  acceptances: readonly Acceptance[],
  rules: EntryIntoForceRules,
  asOf: string,
): EntryIntoForceStatus {
  const today = dayNumber(asOf)
  const threshold = threeFourths(rules.partiesToProtocol)
  const seen = new Set<string>()
  for (const [i, a] of acceptances.entries()) {
    if (seen.has(a.party))
      throw new Error(`acceptances[${i}]: ${a.party} appears twice; a Party deposits one instrument`)
    seen.add(a.party)
    dayNumber(a.date) // validates, naming the bad date
  }
  if (acceptances.length > rules.partiesToProtocol) {
    throw new Error(
      `${acceptances.length} acceptances but only ${rules.partiesToProtocol} Parties to the Protocol; check partiesToProtocol`,
    )
  }
  // Stable sort: same-day instruments keep the order the list gives them.
  const received = acceptances
    .map((a, i) => ({ a, i, day: dayNumber(a.date) }))
    .filter((x) => x.day <= today)
    .sort((x, y) => x.day - y.day || x.i - y.i)
    .map((x) => x.a)
  const thresholdReachedBy = received.length >= threshold ? received[threshold - 1] : undefined
  const entryIntoForce = thresholdReachedBy ? daysAfter(thresholdReachedBy.date, 90) : undefined
  const inForce = entryIntoForce !== undefined && dayNumber(entryIntoForce) <= today
  const provisionalFrom = rules.option === 2 ? daysAfter(rules.firstPeriodEnds ?? '2012-12-31', 1) : undefined
  const status: EntryIntoForceStatus = {
    asOf,
    threshold,
    accepted: received.length,
    acceptancesMissing: Math.max(0, threshold - received.length),
    thresholdReachedBy,
    entryIntoForce,
    inForce,
    provisionalFrom,
    provisionallyApplied: provisionalFrom !== undefined && dayNumber(provisionalFrom) <= today && !inForce,
    inForceFor: entryIntoForce
      ? received.map((a) => ({ party: a.party, from: later(daysAfter(a.date, 90), entryIntoForce) }))
      : [],
  }
  if (rules.paragraph1Ter) status.paragraph1Ter = paragraph1Ter(rules.paragraph1Ter, received, entryIntoForce, today)
  return status
}

function paragraph1Ter(
  p: Paragraph1Ter,
  received: readonly Acceptance[],
  entryIntoForce: string | undefined,
  today: number,
): NonNullable<EntryIntoForceStatus['paragraph1Ter']> {
  const out: NonNullable<EntryIntoForceStatus['paragraph1Ter']> = { commitmentsApply: false }
  const dates: (string | undefined)[] = [entryIntoForce]
  if (p.minimumCoverage !== undefined) {
    if (!(p.minimumCoverage > 0 && p.minimumCoverage <= 1))
      throw new Error(`paragraph1Ter.minimumCoverage must be a share in (0, 1], got ${p.minimumCoverage}`)
    if (!p.emissions)
      throw new Error(
        "paragraph1Ter.minimumCoverage needs paragraph1Ter.emissions (each Party's emissions in the reference year)",
      )
    const emissions = p.emissions
    const total = p.totalEmissions ?? Object.values(emissions).reduce((s, e) => s + e, 0)
    if (!(total > 0)) throw new Error('paragraph1Ter: the total emissions must be positive')
    let covered = 0
    let since: string | undefined
    for (const a of received) {
      covered += emissions[a.party] ?? 0
      // A tolerance keeps a share computed as exactly the threshold from missing by rounding.
      if (since === undefined && covered / total >= p.minimumCoverage - 1e-12) since = a.date
    }
    const share = covered / total
    out.coverage = since
      ? { met: true, since, share }
      : {
          met: false,
          share,
          missing: `${((p.minimumCoverage - share) * 100).toFixed(2)} percentage points more of the emissions`,
        }
    dates.push(since)
  }
  if (p.minimumAnnexIAcceptances !== undefined) {
    const annexI = received.filter((a) => a.annexI)
    const need = p.minimumAnnexIAcceptances
    const since = need <= 0 ? received[0]?.date : annexI[need - 1]?.date
    out.annexIAcceptances = since
      ? { met: true, since, count: annexI.length }
      : {
          met: false,
          count: annexI.length,
          missing: `${need - annexI.length} more acceptance(s) by Parties included in Annex I`,
        }
    dates.push(since)
  }
  if (p.lcaLinkSatisfied !== undefined) {
    out.lcaLink = p.lcaLinkSatisfied
      ? { met: true }
      : { met: false, missing: 'the links to the entry into force of the AWG-LCA outcome are not satisfied' }
    if (!p.lcaLinkSatisfied) dates.push(undefined)
  }
  if (dates.every((d) => d !== undefined)) {
    const from = (dates as string[]).reduce(later)
    out.commitmentsApplyFrom = from
    out.commitmentsApply = dayNumber(from) <= today
  }
  return out
}
