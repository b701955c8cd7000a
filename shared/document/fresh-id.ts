/**
 * Fresh ids for what concurrent writers create: nodes a streamlining step makes,
 * proposals, log entries. A counter could hand two writers the same id, so ids are
 * random, with a prefix and a dash (`g-3kq9x0ab`, `p-k3x9q0ab`) so they never collide
 * with the importer's counters (`g12`).
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

// Web Crypto is in every runtime Accord runs on (browsers, Node ≥ 19); shared/ is typed without either's library.
const random = (globalThis as unknown as { crypto: { getRandomValues(bytes: Uint8Array): Uint8Array } }).crypto

/** A random id such as `g-3kq9x0ab`. */
export function freshId(prefix: string): string {
  const bytes = new Uint8Array(8)
  random.getRandomValues(bytes)
  let out = prefix + '-'
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}
