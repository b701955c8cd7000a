/**
 * A projection link as a sync session: an observer's rights (it writes nothing), for its
 * document's text room only, under a name of its own (`projection-N`) and a connection
 * budget of its own. Sockets opened with it are closed (4401) when the link is revoked.
 */
import type { Account } from '../auth/accounts.ts'
import type { ProjectionLinks } from '../auth/projection-links.ts'
import type { RoomAddress } from '../../shared/document/rooms.ts'

/** The account name a projection link's sockets carry. */
export const projectionUsername = (link: { id: number }): string => `projection-${link.id}`

/** The session of projection token `token` in the room at `address`, if the link opens that room. */
export function projectionSession(
  links: ProjectionLinks,
  token: string | undefined,
  address: RoomAddress,
): { account: Account; expiresAt: number } | undefined {
  const link = links.resolve(token)
  if (!link || link.documentId !== address.documentId || address.kind !== 'text') return undefined
  return {
    // Negative ids never meet an account's: the budget of connections is the link's own.
    account: {
      id: -link.id,
      username: projectionUsername(link),
      role: 'observer',
      party: null,
      createdAt: link.createdAt,
      disabledAt: null,
      lastLoginAt: null,
    },
    expiresAt: Number.MAX_SAFE_INTEGER,
  }
}
