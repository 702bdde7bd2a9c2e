import { scopes as allScopes, type Scope } from '../auth/scopes'
import type { Db } from '../db/index'
import { insertTokenWithin, listTokens, revokeToken } from '../db/queries/tokens'
import { AppError } from '../errors'
import { iso } from '../format'
import { hashSecret, newApiToken } from '../security/secrets'
import { maxActiveTokens } from './token-limit'

const day = 24 * 60 * 60 * 1000

export { maxActiveTokens }

export interface TokenInput {
  name: string
  scopes?: readonly Scope[] | undefined
  expiresInDays: number
}

/** A new API token for the user; the secret is returned here once and only its hash is stored. */
export async function createToken(db: Db, userId: string, input: TokenInput, now: number) {
  const token = newApiToken()
  const id = crypto.randomUUID()
  const scopes = [...(input.scopes ?? allScopes)]
  const expiresAt = now + input.expiresInDays * day
  const inserted = await insertTokenWithin(
    db,
    {
      id,
      userId,
      name: input.name,
      tokenHash: await hashSecret(token),
      scopes: JSON.stringify(scopes),
      createdAt: now,
      expiresAt,
    },
    maxActiveTokens,
  )
  if (!inserted)
    throw new AppError(
      422,
      'limit_exceeded',
      `you already have ${maxActiveTokens} active API tokens, the most allowed: revoke one to create another`,
      { extra: { limit: maxActiveTokens } },
    )
  return { id, token, name: input.name, scopes, expiresAt: iso(expiresAt) }
}

/** The user's live tokens, without secrets. */
export async function tokensOf(db: Db, userId: string) {
  const rows = await listTokens(db, userId)
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: iso(row.createdAt),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
  }))
}

export async function revokeOwnToken(db: Db, userId: string, id: string, now: number): Promise<void> {
  if (!(await revokeToken(db, userId, id, now))) throw new AppError(404, 'not_found', 'id: no such token')
}
