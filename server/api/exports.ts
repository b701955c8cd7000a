/**
 * `GET /api/documents/:id/export?format=…&consolidated=…&symbol=…&lineNumbers=…`: the
 * document, as negotiated or consolidated under its present resolutions, in
 * any export format; the Word file of the text as negotiated carries its
 * comments and pending changes. Everyone who may read the document may export it.
 */
import { Router } from 'express'
import { z } from 'zod'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { ConsolidationRefused } from '../../shared/consolidate/removal-check.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import { EXPORT_FORMATS, exportDocument } from '../export/index.ts'
import { PrinterBusy } from '../export/pdf-printer.ts'
import type { Services } from '../services.ts'
import { parseRoomName, roomName } from '../../shared/document/rooms.ts'
import { annotationsOf } from '../export/docx-annotations.ts'
import { readPartyTable, readRoster } from '../templates/read-template.ts'
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
    const consolidated = query.consolidated === 'true'
    // The text as negotiated, in Word, carries the comments and pending changes over their words.
    const annotated = query.format === 'docx' && !consolidated
    const { doc, scenario, bindings, annotations } = services.rooms.read(parseRoomName(document.id)!, (ydoc) => ({
      doc: readNegotiationDoc(ydoc),
      scenario: readSharedScenario(ydoc),
      bindings: readSharedBindings(ydoc).bindings,
      annotations: annotated
        ? services.rooms.read(parseRoomName(roomName(document.id, 'proposals'))!, (proposals) =>
            annotationsOf(ydoc, proposals, readRoster()),
          )
        : undefined,
    }))
    try {
      const file = await exportDocument({
        doc,
        scenario,
        bindings,
        parties: readPartyTable(),
        format: query.format,
        consolidated,
        ...(annotations ? { annotations } : {}),
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
