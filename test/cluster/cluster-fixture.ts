/**
 * Three `accord serve` processes on one throwaway PostgreSQL and one throwaway Redis
 * (`server/cluster/local-engines.ts`): real servers, no mocks. Processes are started one
 * after another (the first creates the secretariat and the template document).
 */
import { afterAll } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import { startPostgres, startRedis, type LocalEngine } from '../../server/cluster/local-engines.ts'
import { callApi, login, secretariatPassword, serveChild, tempDir } from '../server/server-fixture.ts'

/** The lease the test processes hold rooms by: short, so failover tests stay quick. */
export const testLeaseMs = 1500

/** One Accord process of the cluster. */
export interface Node {
  child: ChildProcess
  url: string
  syncUrl: string
  output: () => string
}

/** The running cluster. */
export interface TestCluster {
  postgres: LocalEngine
  redis: LocalEngine
  nodes: Node[]
  secretariatToken: string
  /** The process that owns `room` now, per Redis (pid match), or undefined. */
  owner(room: string): Promise<Node | undefined>
  /** A new account's token. */
  account(role: string, party?: string): Promise<string>
  /** Starts one more process (after a kill). */
  startNode(): Promise<Node>
  close(): Promise<void>
}

let counter = 0

/** Starts the engines and `count` Accord processes. */
export async function startCluster(count = 3): Promise<TestCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const dirs: (() => void)[] = []
  const startNode = async (): Promise<Node> => {
    const temp = tempDir()
    dirs.push(temp.cleanup)
    const started = await serveChild(temp.dir, {
      ACCORD_DATABASE_URL: postgres.url,
      ACCORD_REDIS_URL: redis.url,
      ACCORD_LEASE_MS: String(testLeaseMs),
    })
    return { ...started, syncUrl: started.url.replace(/^http/, 'ws') + '/sync' }
  }
  const nodes: Node[] = []
  for (let i = 0; i < count; i++) nodes.push(await startNode())
  const secretariatToken = await login(nodes[0]!.url, 'secretariat', secretariatPassword)
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 })
  client.on('error', () => {})
  const cluster: TestCluster = {
    postgres,
    redis,
    nodes,
    secretariatToken,
    async owner(room) {
      const holder = await client.get(`accord:owner:${room}`).catch(() => null)
      const pid = holder ? Number(holder.split(':')[1]) : NaN
      return nodes.find((node) => node.child.pid === pid && node.child.exitCode === null && !node.child.signalCode)
    },
    async account(role, party) {
      const username = `${role}-c${++counter}`
      // Any live process answers the API (an earlier test may have killed the first).
      const live = nodes.filter((node) => node.child.exitCode === null && node.child.signalCode === null)
      const res = await callApi(live[0]!.url, 'POST', '/api/accounts', secretariatToken, {
        username,
        password: 'a-long-enough-password',
        role,
        ...(party ? { party } : {}),
      })
      if (res.status !== 201) throw new Error(`create account: ${res.status} ${JSON.stringify(res.body)}`)
      return login(live.at(-1)!.url, username, 'a-long-enough-password')
    },
    async startNode() {
      const node = await startNode()
      nodes.push(node)
      return node
    },
    async close() {
      client.disconnect()
      for (const node of nodes) node.child.kill('SIGKILL')
      await Promise.all([postgres.destroy(), redis.destroy()])
      for (const cleanup of dirs) cleanup()
    },
  }
  return cluster
}

/** The cluster a test file shares. */
export function clusterSuite(count = 3): TestCluster {
  const suite = {} as TestCluster
  afterAll(async () => {
    await suite.close?.()
  })
  return suite
}
