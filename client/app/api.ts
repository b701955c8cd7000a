/**
 * The server's JSON API as the browser calls it. Errors come back as values
 * with the server's `{ error, details }`, so a page can show the field at fault.
 */

/** An API failure: the HTTP status and the server's explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message)
  }
}

/** Calls `method route` with an optional JSON body and bearer token; resolves with the parsed JSON. */
export async function callApi<T>(method: string, route: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(route, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch (error) {
    throw new ApiError(0, `the server cannot be reached (${(error as Error).message})`)
  }
  const text = await res.text()
  let json: any = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    // Not JSON: the status line is all there is to say.
  }
  if (!res.ok) throw new ApiError(res.status, json?.error ?? `${res.status} ${res.statusText}`, json?.details ?? [])
  return json as T
}
