/**
 * `GET /api/documents/:id/export?format=…&consolidated=…&symbol=…&lineNumbers=…`: the
 * document, as negotiated or consolidated under its present resolutions, in
 * any export format. Everyone who may read the document may export it.
 */
import { Router } from 'express'
import { z } from 'zod'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { ConsolidationRefused } from '../../shared/consolidate/removal-check.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import { EXPORT_FORMATS, exportDocument } from '../export/index.ts'
import { PrinterBusy } from '../export/pdf-printer.ts'
import type { Services } from '../services.ts'
import { parseRoomName } from '../../shared/document/rooms.ts'
import { readPartyTable } from '../templates/read-template.ts'
import { requireAccount } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    consolidated: z.enum(['true', 'false']).default('true'),
    symbol: z.string().max(100).optional(),
    lineNumbers: z.enum(['true', 'false']).default('false'),
  })
  .strict()

/** The export route. */
export function exportRoutes(services: Services): Router {
  const router = Router()
  router.get('/documents/:id/export', requireAccount(services), async (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(exportQuery, req.query, 'query', res)
    if (!query) return
    const { doc, scenario, bindings } = services.rooms.read(parseRoomName(document.id)!, (ydoc) => ({
      doc: readNegotiationDoc(ydoc),
      scenario: readSharedScenario(ydoc),
      bindings: readSharedBindings(ydoc).bindings,
    }))
    try {
      const file = await exportDocument({
        doc,
        scenario,
        bindings,
        parties: readPartyTable(),
        format: query.format,
        consolidated: query.consolidated === 'true',
        symbol: query.symbol,
        title: document.title,
        lineNumbers: query.lineNumbers === 'true',
      })
      res.type(file.contentType)
      res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`)
      if (file.unresolved.length) res.setHeader('x-accord-unresolved', String(file.unresolved.length))
      res.send(Buffer.from(file.bytes))
    } catch (error) {
      if (error instanceof ConsolidationRefused)
        // 409: the text and its decisions conflict; the secretariat reviews where the options end.
        return sendError(
          res,
          409,
          'consolidation refused: it would remove words no decision rejects',
          error.findings.map((f) => ({ field: f.decision, message: f.message })),
        )
      if (error instanceof PrinterBusy) {
        res.setHeader('retry-after', '5')
        return sendError(res, 503, 'export busy', [{ field: 'query.format', message: error.message }])
      }
      sendError(res, 422, 'export failed', [{ field: 'query.format', message: (error as Error).message }])
    }
  })
  return router
}
