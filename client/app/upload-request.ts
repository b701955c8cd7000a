/**
 * A request whose body is a file, with its upload progress: `fetch` cannot report how
 * much of a body has gone, XMLHttpRequest can. Answers and errors are those of
 * `callApi`: the parsed JSON, or an `ApiError` with the server's `{ error, details }`.
 */
import { ApiError } from './api.ts'

/** How far an upload has gone: bytes sent of the total. */
export type UploadProgress = (sent: number, total: number) => void

/** Sends `body` (a form with the file) to `route`; `progress` hears every step of the upload. */
export function sendWithProgress<T>(
  method: string,
  route: string,
  token: string,
  body: FormData,
  progress: UploadProgress,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, route)
    xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress(event.loaded, event.total)
    })
    xhr.addEventListener('error', () => reject(new ApiError(0, 'the server cannot be reached')))
    xhr.addEventListener('load', () => {
      let json: any = undefined
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        // Not JSON: the status line is all there is to say.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T)
      else reject(new ApiError(xhr.status, json?.error ?? `${xhr.status} ${xhr.statusText}`, json?.details ?? []))
    })
    xhr.send(body)
  })
}
