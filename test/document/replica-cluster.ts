/**
 * Replicas of one Yjs document whose updates wait in per-pair queues until
 * delivered — some at random, then all — so concurrent changes meet in every
 * order (Yjs's own randomized-test pattern).
 */
import * as Y from 'yjs'

/** The delivery controls of a cluster of `docs`. */
export interface ReplicaCluster {
  /** Deliver the next waiting update of each pair with probability 0.3. */
  some(random: () => number): void
  /** Deliver everything still waiting. */
  all(): void
}

/** Connects `docs` through queues; a replica's own changes are queued for every other. */
export function replicaCluster(docs: Y.Doc[]): ReplicaCluster {
  const queues = new Map<string, Uint8Array[]>()
  docs.forEach((doc, i) =>
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return
      docs.forEach((_, j) => {
        if (j !== i) queues.set(`${i}>${j}`, [...(queues.get(`${i}>${j}`) ?? []), u])
      })
    }),
  )
  const deliver = (key: string) => {
    const u = queues.get(key)!.shift()
    if (u) Y.applyUpdate(docs[Number(key.split('>')[1])], u, 'remote')
  }
  return {
    some: (random) => {
      for (const key of queues.keys()) if (random() < 0.3) deliver(key)
    },
    all: () => {
      for (const key of queues.keys()) while (queues.get(key)!.length) deliver(key)
    },
  }
}
