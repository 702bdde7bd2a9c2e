import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { apiTokens, users } from '../schema'

export type TokenRow = typeof apiTokens.$inferSelect

type NewToken = typeof apiTokens.$inferInsert & { createdAt: number; expiresAt: number }

/**
 * Inserts the token unless its user already holds `max` active ones (neither revoked nor
 * expired); false then. One statement, so two creations at once cannot both take the last place.
 */
export async function insertTokenWithin(db: Db, token: NewToken, max: number): Promise<boolean> {
  const result = await db.run(sql`
    insert into api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at)
    select ${token.id}, ${token.userId}, ${token.name}, ${token.tokenHash}, ${token.scopes}, ${token.createdAt}, ${token.expiresAt}
    where (
      select count(*) from api_tokens
      where user_id = ${token.userId} and revoked_at is null and (expires_at is null or expires_at > ${token.createdAt})
    ) < ${max}`)
  return changedRows(result) === 1
}

/** The token for a hash with its user, unless revoked; expiry is checked by the caller. */
export async function findToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      settings: users.settings,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1)
  return row
}

export async function touchToken(db: Db, id: string, now: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id))
}

export async function listTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeToken(db: Db, userId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
  return changedRows(result) === 1
}
