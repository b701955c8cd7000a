/**
 * How the API answers with an error, and how it validates input: every error is
 * `{ error, details }` with a 4xx status, and every detail names the offending field.
 */
import type { Response } from 'express'
import type { z } from 'zod'

/** One problem with a request, located at a field (`body.username`, `query.format`). */
export interface ErrorDetail {
  field: string
  message: string
}

/** Sends `{ error, details }` with `status`. */
export function sendError(res: Response, status: number, error: string, details: ErrorDetail[] = []): void {
  res.status(status).json({ error, details })
}

/**
 * Parses `value` with `schema`; on failure answers 400 naming each offending field under
 * `where` ('body', 'query', 'params') and returns undefined.
 */
export function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
  res: Response,
): z.infer<T> | undefined {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const details = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
  sendError(res, 400, `invalid ${where}: ${details.map((d) => d.field).join(', ')}`, details)
  return undefined
}
