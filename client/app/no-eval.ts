/**
 * The editor runs under a Content-Security-Policy without `'unsafe-eval'`. Zod 4 compiles
 * object parsers with `new Function` when it may, and probes whether it may by calling
 * `Function('')` — a probe the browser reports as a CSP violation. Jitless mode parses
 * without generated code (a little slower, and not measurable on our schemas' sizes).
 * Imported first by `main.ts`, before any schema parses.
 */
import { z } from 'zod'

z.config({ jitless: true })
