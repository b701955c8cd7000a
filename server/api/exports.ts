/**
 * `GET /api/documents/:id/export?format=…&consolidated=…&revision=…&symbol=…&lineNumbers=…`:
 * the document — its working draft, or any revision — as negotiated or consolidated
 * under the decisions it holds, in any export format, under the UN header stored with
 * the document, with or without line numbers; the Word file of the working draft as
 * negotiated carries its comments and pending changes. Everyone who may read the
 * document may export it.
 */
import { Router } from 'express'
import * as Y from 'yjs'
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
import { DRAFT, lookupRevision } from './revision-lookup.ts'
import { sendError, validate } from './responses.ts'

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    consolidated: z.enum(['true', 'false']).default('true'),
    symbol: z.string().max(100).optional(),
    revision: z.string().max(40).optional(),
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
    const read = (ydoc: Y.Doc) => ({
      doc: readNegotiationDoc(ydoc),
      scenario: readSharedScenario(ydoc),
      bindings: readSharedBindings(ydoc).bindings,
    })
    let content: ReturnType<typeof read>
    let annotations: ReturnType<typeof annotationsOf> | undefined
    if (query.revision !== undefined && query.revision !== DRAFT) {
      const revision = lookupRevision(services, document, query.revision, 'query.revision', res)
      if (!revision) return
      const ydoc = new Y.Doc()
      try {
        Y.applyUpdate(ydoc, revision.states.text)
        content = read(ydoc)
      } finally {
        ydoc.destroy()
      }
    } else
      content = services.rooms.read(parseRoomName(document.id)!, (ydoc) => {
        // The working draft as negotiated, in Word, carries the comments and pending changes over their words.
        if (query.format === 'docx' && !consolidated)
          annotations = services.rooms.read(parseRoomName(roomName(document.id, 'proposals'))!, (proposals) =>
            annotationsOf(ydoc, proposals, readRoster()),
          )
        return read(ydoc)
      })
    const { doc, scenario, bindings } = content
    try {
      const file = await exportDocument({
        doc,
        scenario,
        bindings,
        parties: readPartyTable(),
        format: query.format,
        consolidated,
        header: services.documents.header(document.id),
        ...(annotations ? { annotations } : {}),
        symbol: query.symbol,
        title: document.title,
        lineNumbers: query.lineNumbers === 'true',
        ...(query.revision !== undefined && query.revision !== DRAFT ? { revision: query.revision } : {}),
      })
      res.type(file.contentType)
      res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`)
      if (file.unresolved.length) res.setHeader('x-accord-unresolved', String(file.unresolved.length))
      res.setHeader('x-accord-revision', query.revision ?? DRAFT)
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
