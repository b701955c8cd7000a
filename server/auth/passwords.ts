/**
 * Password hashing with scrypt from node:crypto. The stored form carries its parameters
 * and salt (`scrypt$N$r$p$salt$hash`, base64url), so the cost can be raised without
 * invalidating existing accounts: a hash made at a lower cost is replaced at the next
 * successful login (`needsRehash`).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's cost parameters. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 (128 MiB per
 * hash). Slow on purpose: a stolen store costs an attacker that much per guess.
 */
export const owaspScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }

const keyLength = 32

/** scrypt needs 128·N·r bytes; the largest cost a stored hash may ask for is bounded so a bad row cannot exhaust memory. */
const maxN = 2 ** 20

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const maxmem = 128 * cost.N * cost.r + 16 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hashes a password for storage at `cost`. */
export async function hashPassword(password: string, cost: ScryptCost = owaspScryptCost): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

function storedCost(stored: string): ScryptCost | undefined {
  const [scheme, n, r, p] = stored.split('$')
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (scheme !== 'scrypt' || !Number.isInteger(cost.N) || !Number.isInteger(cost.r) || !Number.isInteger(cost.p))
    return undefined
  if (cost.N < 2 || cost.N > maxN || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return undefined
  return cost
}

/** True when `password` matches a hash made by `hashPassword`; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const cost = storedCost(stored)
  const [, , , , salt, hash] = stored.split('$')
  if (!cost || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), cost)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** True when `stored` was hashed at a lower cost than `cost` (it is rehashed at the next login). */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const had = storedCost(stored)
  return !had || had.N * had.r * had.p < cost.N * cost.r * cost.p
}

/** A hash of nothing at `cost`, checked against when a username is unknown so timing does not tell. */
export function decoyHash(cost: ScryptCost): string {
  return ['scrypt', cost.N, cost.r, cost.p, 'AAAAAAAAAAAAAAAAAAAAAA', 'A'.repeat(43)].join('$')
}

/** A random password for generated accounts (printed once, never stored in clear). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}
