/**
 * The fairness yardsticks and the entry-into-force calculator for one document,
 * computed from what its text room holds now: `GET /api/documents/:id/yardstick`
 * (income/cut line of the `cp2` inscriptions), `/frankel` (Frankel's suggested
 * QELRC beside each inscription), `/side-by-side` (one Party's commitment under
 * each kind, beside its BAU path) and `/entry-into-force` (ARTICLE 2, Options 1
 * and 2, over the room's acceptance list). Anyone who may read the document may ask.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Router } from 'express'
import { z } from 'zod'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import {
  article2Status,
  chosenArticle2Option,
  DOHA_PARTIES_TO_PROTOCOL,
  findArticle2,
} from '../../shared/entry-into-force/article-2.ts'
import { dayNumber } from '../../shared/entry-into-force/calendar-date.ts'
import { readSharedAcceptances } from '../../shared/document/acceptances.ts'
import { sideBySide, sideBySideDefaults } from '../../shared/commitments/side-by-side.ts'
import { cellsByParty, NO_CELLS } from '../../shared/model/commitment-rows.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import { seedParameters } from '../../shared/yardsticks/frankel.ts'
import { defaultAssumptions } from '../../shared/yardsticks/frankel-scenario.ts'
import { defaultYardstickOptions } from '../../shared/yardsticks/income-cut.ts'
import { negotiationFrankel, negotiationYardstick } from '../../shared/yardsticks/negotiation.ts'
import { parseYardstickData, type YardstickData } from '../../shared/yardsticks/yardstick-data.ts'
import type { Services } from '../services.ts'
import { parseRoomName } from '../../shared/document/rooms.ts'
import { readPartyTable, readRoster } from '../templates/read-template.ts'
import { requireAccount } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const year = z.coerce.number().int().min(1990).max(2100)

const yardstickQuery = z
  .object({ incomeYear: year.max(2012, 'income data (World Bank) ends in 2012').optional() })
  .strict()

const frankelQuery = z
  .object({ from: year.default(2013), to: year.default(2020), party: z.string().min(1).max(200).optional() })
  .strict()
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'the period ends before it starts' })

const sideBySideQuery = z
  .object({
    party: z.string().min(1).max(200),
    pct: z.coerce.number().min(0).lt(100).optional(),
    baseYear: year.optional(),
    targetYear: year.optional(),
  })
  .strict()

const calendarDate = z.string().refine((d) => {
  try {
    dayNumber(d)
    return true
  } catch {
    return false
  }
}, 'a calendar date in the form YYYY-MM-DD')

const entryIntoForceQuery = z
  .object({
    asOf: calendarDate.optional(),
    parties: z.coerce.number().int().min(1).max(1000).default(DOHA_PARTIES_TO_PROTOCOL),
  })
  .strict()

/** The fairness routes. */
export function fairnessRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)
  // Read once: the shipped data does not change while the server runs.
  let data: YardstickData | undefined
  const yardstickData = () => {
    if (!data) {
      const read = (file: string) => readFileSync(join(services.options.templatesDir, 'yardsticks', file), 'utf8')
      data = parseYardstickData({
        inscriptions: read('inscriptions.csv'),
        partyYears: read('party-years.csv'),
        world: read('world.csv'),
      })
    }
    return data
  }
  const inscriptionsOf = (documentId: string) =>
    services.rooms.read(parseRoomName(documentId)!, (ydoc) => textRoom(ydoc).inscriptions.toJSON())

  router.get('/documents/:id/yardstick', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(yardstickQuery, req.query, 'query', res)
    if (!query) return
    const options = { ...defaultYardstickOptions.cp2, ...(query.incomeYear ? { incomeYear: query.incomeYear } : {}) }
    const result = negotiationYardstick(yardstickData(), inscriptionsOf(document.id), readPartyTable(), options)
    const y = result.yardstick
    res.json({
      period: 'cp2',
      options,
      n: y?.line.n ?? 0,
      slope: y?.cutPer10PercentIncome ?? null,
      rSquared: y?.line.rSquared ?? null,
      line: y?.line ?? null,
      rows: y?.rows ?? [],
      omitted: result.omitted,
      ...(result.reason ? { reason: result.reason } : {}),
    })
  })

  router.get('/documents/:id/frankel', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(frankelQuery, req.query, 'query', res)
    if (!query) return
    const result = negotiationFrankel(yardstickData(), inscriptionsOf(document.id), readPartyTable(), {
      start: query.from,
      end: query.to,
    })
    const suggestions = query.party ? result.suggestions.filter((s) => s.party === query.party) : result.suggestions
    if (query.party && suggestions.length === 0) {
      return sendError(res, 404, 'no such Party', [
        { field: 'query.party', message: `no Party named "${query.party}" in the yardstick data; names as in Annex B` },
      ])
    }
    res.json({
      period: result.period,
      parameters: seedParameters,
      assumptions: defaultAssumptions,
      suggestions,
      omitted: result.omitted,
    })
  })

  router.get('/documents/:id/side-by-side', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(sideBySideQuery, req.query, 'query', res)
    if (!query) return
    const parties = readPartyTable()
    const found = readRoster().parties.find(query.party)
    if ('error' in found) return sendError(res, 404, 'no such Party', [{ field: 'query.party', message: found.error }])
    const party = found.party
    const { scenario, computation } = services.rooms.read(parseRoomName(document.id)!, (ydoc) => {
      const scenario = readSharedScenario(ydoc)
      const index = indexDocument(readNegotiationDoc(ydoc))
      return { scenario, computation: computeScenario(index, readSharedBindings(ydoc).bindings, scenario, parties) }
    })
    const { years, period } = computation.results
    if (years === null)
      return sendError(res, 409, 'the commitment period is not resolved', [
        { field: 'params.id', message: 'resolve the second commitment period first' },
      ])
    const start = period?.start ?? 2013
    const defaults = sideBySideDefaults(cellsByParty(scenario.inscriptions).get(party.name) ?? NO_CELLS, {
      start,
      end: start + years - 1,
    })
    res.json(
      sideBySide(party, {
        ...defaults,
        ...(query.pct !== undefined ? { pct: query.pct } : {}),
        ...(query.baseYear !== undefined ? { baseYear: query.baseYear } : {}),
        ...(query.targetYear !== undefined ? { targetYear: query.targetYear } : {}),
      }),
    )
  })

  router.get('/documents/:id/entry-into-force', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(entryIntoForceQuery, req.query, 'query', res)
    if (!query) return
    const { acceptances, invalid, article, resolutions } = services.rooms.read(parseRoomName(document.id)!, (ydoc) => ({
      ...readSharedAcceptances(ydoc),
      article: findArticle2(readNegotiationDoc(ydoc)),
      resolutions: textRoom(ydoc).resolutions.toJSON() as Record<string, string>,
    }))
    // The date of evaluation: the query's, or today (UTC) — the only clock read, at the edge.
    const asOf = query.asOf ?? new Date().toISOString().slice(0, 10)
    try {
      const status = article2Status(acceptances, asOf, query.parties)
      res.json({
        asOf,
        article: article
          ? { id: article.id, options: article.options, chosenOption: chosenArticle2Option(article, resolutions) }
          : null,
        ...status,
        invalid,
      })
    } catch (error) {
      sendError(res, 422, 'the acceptance list cannot be evaluated', [
        { field: 'query.parties', message: (error as Error).message },
      ])
    }
  })

  return router
}
