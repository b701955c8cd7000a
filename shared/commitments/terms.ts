/**
 * A Party's commitments of the kinds beyond a QELRC, read from its cells: the
 * terms each one states, or what is missing. Reading never guesses: a cell
 * that names a term the commitment lacks (an effect with no policy, a cut with
 * no counting rule) is a problem naming the Party and the cell, and the
 * commitment is left out of every total until it is fixed.
 */
import { entryColumn } from '../model/inscriptions.ts'
import type { CommitmentKind } from './kinds.ts'

/** A Party's cells by column (`intensity.pct` → 40). */
export type PartyCells = ReadonlyMap<string, number | string>

/** A figure stated without and with the Party's conditions. */
export interface StatedFigure {
  unconditional: number
  conditional?: number
}

/** What a commitment states, by kind. */
export type CommitmentTerms =
  | { kind: 'intensity'; pct: StatedFigure; baseYear: number; targetYear?: number; gdpGrowthPct?: number }
  | { kind: 'bau-deviation'; pct: StatedFigure; targetYear?: number; growthPct?: number; targetMt?: number }
  | { kind: 'policies-and-measures'; slug: string; description: string; effectMt?: number; source?: string }
  | {
      kind: 'sectoral'
      slug: string
      sector: string
      cutMt: StatedFigure
      sectorMt?: number
      counting: 'toward' | 'additional'
    }

/** A commitment that cannot be counted as written: the cell at fault and why. */
export interface TermsProblem {
  kind: CommitmentKind
  /** The column at fault (`intensity.baseYear`). */
  field: string
  message: string
}

/** The terms read from a Party's cells, and the problems. */
export interface ReadTerms {
  terms: CommitmentTerms[]
  problems: TermsProblem[]
}

const num = (cells: PartyCells, column: string): number | undefined => {
  const v = cells.get(column)
  return typeof v === 'number' ? v : undefined
}

const str = (cells: PartyCells, column: string): string | undefined => {
  const v = cells.get(column)
  return typeof v === 'string' ? v : undefined
}

function figure(cells: PartyCells, column: string): StatedFigure | undefined {
  const unconditional = num(cells, column)
  if (unconditional === undefined) return undefined
  const conditional = num(cells, `${column}.conditional`)
  return conditional === undefined ? { unconditional } : { unconditional, conditional }
}

/** Reads every commitment beyond a QELRC from one Party's cells. */
export function readCommitmentTerms(cells: PartyCells): ReadTerms {
  const out: ReadTerms = { terms: [], problems: [] }
  if (cells.size === 0) return out
  const problem = (kind: CommitmentKind, field: string, message: string) => out.problems.push({ kind, field, message })

  const intensity = figure(cells, 'intensity.pct')
  const intensityCells = [...cells.keys()].some((c) => c.startsWith('intensity.'))
  if (intensity) {
    const baseYear = num(cells, 'intensity.baseYear')
    if (baseYear === undefined)
      problem(
        'intensity',
        'intensity.baseYear',
        'is missing: an intensity target is measured from a base year (2005 for a cut "below 2005 levels")',
      )
    else
      out.terms.push({
        kind: 'intensity',
        pct: intensity,
        baseYear,
        targetYear: num(cells, 'intensity.targetYear'),
        gdpGrowthPct: num(cells, 'intensity.gdpGrowthPct'),
      })
  } else if (intensityCells) {
    problem('intensity', 'intensity.pct', 'is missing: the other intensity cells say nothing without the per cent cut')
  }

  const bau = figure(cells, 'bau.pct')
  if (bau) {
    out.terms.push({
      kind: 'bau-deviation',
      pct: bau,
      targetYear: num(cells, 'bau.targetYear'),
      growthPct: num(cells, 'bau.growthPct'),
      targetMt: num(cells, 'bau.targetMt'),
    })
  } else if ([...cells.keys()].some((c) => c.startsWith('bau.'))) {
    problem('bau-deviation', 'bau.pct', 'is missing: the other BAU cells say nothing without the per cent below BAU')
  }

  // Entries: every slug named by any of its cells, in a stable order.
  const entries = new Map<string, 'pam' | 'sectoral'>()
  for (const column of cells.keys()) {
    const e = entryColumn(column)
    if (e) entries.set(`${e.kind}.${e.slug}`, e.kind)
  }
  for (const [name, kind] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const slug = name.slice(kind.length + 1)
    if (kind === 'pam') {
      const description = str(cells, name)
      const effectMt = num(cells, `${name}.effectMt`)
      const source = str(cells, `${name}.source`)
      if (description === undefined) {
        problem('policies-and-measures', name, 'is missing: say what the Party undertakes to implement')
        continue
      }
      if (effectMt !== undefined && source === undefined) {
        problem('policies-and-measures', `${name}.source`, 'is missing: an estimated effect needs its source')
        continue
      }
      out.terms.push({ kind: 'policies-and-measures', slug, description, effectMt, source })
    } else {
      const sector = str(cells, name)
      const cutMt = figure(cells, `${name}.cutMt`)
      const counting = str(cells, `${name}.counting`)
      if (sector === undefined) {
        problem('sectoral', name, 'is missing: name the sector the target covers')
        continue
      }
      if (!cutMt) {
        problem('sectoral', `${name}.cutMt`, 'is missing: the cut in the sector, Mt CO₂ eq a year')
        continue
      }
      if (counting !== 'toward' && counting !== 'additional') {
        problem(
          'sectoral',
          `${name}.counting`,
          'is missing: say whether the cut counts "toward" the economy-wide target or is "additional"',
        )
        continue
      }
      out.terms.push({ kind: 'sectoral', slug, sector, cutMt, sectorMt: num(cells, `${name}.sectorMt`), counting })
    }
  }
  return out
}
