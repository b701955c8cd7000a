/**
 * Which web pages may act with a user's cookie: the origins Accord is served from. A
 * browser names the page's origin on every WebSocket upgrade and every state-changing
 * request (`Origin`, or `Sec-Fetch-Site` where it sends that instead), so a page on
 * another site that rides the session cookie is told apart and refused. Requests with
 * `Authorization: Bearer` are not checked: a page cannot make a browser add that header
 * to another site's request, and API clients (curl, scripts, tests) use it.
 */
import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'

/** The allowed origins of one running server. */
export class OriginPolicy {
  private readonly origins: Set<string>

  constructor(origins: Iterable<string>) {
    this.origins = new Set(origins)
  }

  /**
   * The policy of a server: the configured origins (`ACCORD_ORIGIN`), else the public URL's
   * origin, else the listening address — every local interface's when it listens on all
   * of them, and `localhost` for a loopback address.
   */
  static forServer(
    options: { allowedOrigins?: string[]; publicUrl?: string },
    host: string,
    port: number,
  ): OriginPolicy {
    if (options.allowedOrigins?.length) return new OriginPolicy(options.allowedOrigins)
    if (options.publicUrl) return new OriginPolicy([new URL(options.publicUrl).origin])
    const hosts = new Set<string>()
    if (host === '0.0.0.0' || host === '::') {
      for (const list of Object.values(networkInterfaces()))
        for (const entry of list ?? []) hosts.add(entry.family === 'IPv6' ? `[${entry.address}]` : entry.address)
      hosts.add('localhost')
    } else {
      hosts.add(host.includes(':') ? `[${host}]` : host)
      if (host === '127.0.0.1' || host === '::1' || host === 'localhost') hosts.add('localhost').add('127.0.0.1')
    }
    return new OriginPolicy([...hosts].map((h) => `http://${h}:${port}`))
  }

  /** The origins allowed. */
  list(): string[] {
    return [...this.origins]
  }

  /**
   * Why `req` must be refused as coming from another site, or undefined when it may go
   * on: its `Origin` is not ours, or (without `Origin`) `Sec-Fetch-Site` says the page is
   * another site's. A request that says neither is not from a browser page.
   */
  refusal(req: IncomingMessage): string | undefined {
    if (req.headers.authorization?.startsWith('Bearer ')) return undefined
    const origin = req.headers.origin
    if (origin !== undefined)
      return this.origins.has(origin) ? undefined : `origin ${origin.slice(0, 100)} is not allowed`
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return `a ${site} page may not send this request`
    return undefined
  }
}
