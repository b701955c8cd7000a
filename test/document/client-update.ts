/** Updates as a client sends them, for tests that judge or read an update before the server applies it. */
import * as Y from 'yjs'

/** The update `change` makes on a client replica of `server` (which is left as it was). */
export function clientUpdate(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const vector = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, vector)
}
