/**
 * Fresh node ids for nodes a streamlining step creates. Several co-chairs edit
 * concurrently, so a counter could hand two of them the same id: ids are
 * random, prefixed like the importer's (`g` group, `r` reference) with a dash
 * so they never collide with its counters (`g12`).
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A random id such as `g-3kq9x0ab`. */
export function freshId(prefix: string): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  let out = prefix + '-'
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}
