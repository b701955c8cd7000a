/**
 * One person, one name: usernames are compared after Unicode compatibility normalisation
 * (NFKC) and case folding, so `Secretariat`, `SECRETARIAT` and a full-width
 * `ｓｅｃｒｅｔａｒｉａｔ` are all the account `secretariat` and none can be created beside it.
 */

/** The username as it is stored and shown: NFKC, surrounding space trimmed. */
export function normalUsername(username: string): string {
  return username.normalize('NFKC').trim()
}

/** The key two usernames are compared by: NFKC, lower case, NFKC again (lowering can denormalise). */
export function usernameKey(username: string): string {
  return normalUsername(username).toLowerCase().normalize('NFKC')
}
