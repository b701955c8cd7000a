/**
 * `accord serve`: the multi-user service. Configuration comes from the environment
 * (PORT, HOST, ACCORD_DATA, ACCORD_SECRETARIAT_PASSWORD, …; see server/config.ts).
 * SIGTERM and SIGINT shut down gracefully: sockets are closed with a reason, pending
 * updates committed, logs compacted and the store closed.
 */
import { startServer } from '../app.ts'
import { optionsFromEnv } from '../config.ts'

/** Runs `accord serve` until a signal stops it. */
export async function serveCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('accord serve: takes no arguments; configure it with PORT, HOST and ACCORD_DATA\n')
    return 2
  }
  let server
  try {
    server = await startServer(optionsFromEnv())
  } catch (error) {
    process.stderr.write(`accord serve: ${(error as Error).message}\n`)
    return 1
  }
  process.stdout.write(
    `accord: listening on ${server.url} (data in ${server.services.options.dataDir}) pid ${process.pid}\n`,
  )
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  process.stdout.write(`accord: ${signal}, shutting down\n`)
  await server.close('server shutting down')
  return 0
}
