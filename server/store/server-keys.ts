/**
 * Keys the server signs things with (the login throttle's device cookies), made once at
 * random and kept in the store: a restart must not turn every browser the secretariat
 * has logged in from into a stranger that a password spray can lock out.
 */
import { randomBytes } from 'node:crypto'
import type { Store } from './database.ts'

/** The key called `name`, made now if the store has none. */
export function serverKey(db: Store, name: string): Buffer {
  db.run('INSERT INTO server_keys (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING', name, randomBytes(32))
  return (db.get('SELECT secret FROM server_keys WHERE name = ?', name) as { secret: Buffer }).secret
}
