import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { scopes as allScopes } from '../auth/scopes'
import { insertToken, listTokens, revokeToken } from '../db/queries/tokens'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { requireCaller } from '../middleware/caller'
import { createTokenSchema, idParamSchema } from '../schemas/accounts'
import { hashSecret, newApiToken } from '../security/secrets'
import { validate } from '../validation'

const day = 24 * 60 * 60 * 1000

/** Only a signed-in browser session manages tokens: a token cannot mint or revoke tokens. */
function requireSession(c: Parameters<typeof requireCaller>[0]) {
  const caller = requireCaller(c)
  if (caller.via !== 'session')
    throw new AppError(403, 'forbidden', 'API tokens are managed from a signed-in session, not with a token')
  return caller
}

/** `/api/v1/tokens`: personal API tokens. The secret is returned once, at creation. */
export const tokenRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({
      tags: ['Account'],
      summary: 'Create an API token (signed-in session only); its secret is shown once',
      security: [{ cookieAuth: [] }],
      responses: { 201: { description: 'The token, with its secret' } },
    }),
    validate('json', createTokenSchema),
    async (c) => {
      const caller = requireSession(c)
      const input = c.req.valid('json')
      const token = newApiToken()
      const id = crypto.randomUUID()
      const scopes = input.scopes ?? [...allScopes]
      const expiresAt = c.var.now + input.expiresInDays * day
      await insertToken(c.var.db, {
        id,
        userId: caller.userId,
        name: input.name,
        tokenHash: await hashSecret(token),
        scopes: JSON.stringify(scopes),
        createdAt: c.var.now,
        expiresAt,
      })
      return c.json({ id, token, name: input.name, scopes, expiresAt: new Date(expiresAt).toISOString() }, 201)
    },
  )
  .get(
    '/',
    describeRoute({
      tags: ['Account'],
      summary: 'Your API tokens, without their secrets (session only)',
      security: [{ cookieAuth: [] }],
    }),
    async (c) => {
      const caller = requireSession(c)
      const rows = await listTokens(c.var.db, caller.userId)
      return c.json(
        rows.map((row) => ({
          id: row.id,
          name: row.name,
          scopes: JSON.parse(row.scopes) as string[],
          createdAt: new Date(row.createdAt).toISOString(),
          lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
          expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
        })),
      )
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['Account'],
      summary: 'Revoke an API token (session only)',
      security: [{ cookieAuth: [] }],
      responses: { 204: { description: 'Revoked' } },
    }),
    validate('param', idParamSchema),
    async (c) => {
      const caller = requireSession(c)
      const revoked = await revokeToken(c.var.db, caller.userId, c.req.valid('param').id, c.var.now)
      if (!revoked) throw new AppError(404, 'not_found', 'id: no such token')
      return c.body(null, 204)
    },
  )
