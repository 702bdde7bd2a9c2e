import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { requireCaller } from '../middleware/caller'
import { createTokenSchema, idParamSchema } from '../schemas/accounts'
import { createToken, revokeOwnToken, tokensOf } from '../services/tokens'
import { validate } from '../validation'

/** Only a signed-in browser session manages tokens: a token cannot mint or revoke tokens. */
function requireSession(c: Parameters<typeof requireCaller>[0]) {
  const caller = requireCaller(c)
  if (caller.via !== 'session')
    throw new AppError(403, 'forbidden', 'API tokens are managed from a signed-in session, not with a token')
  return caller
}

/** `/api/v1/tokens`: personal API tokens. The secret is returned once, at creation. */
export const tokenRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createTokenSchema), async (c) => {
    const caller = requireSession(c)
    return c.json(await createToken(c.var.db, caller.userId, c.req.valid('json'), c.var.now), 201)
  })
  .get('/', async (c) => c.json(await tokensOf(c.var.db, requireSession(c).userId)))
  .delete('/:id', validate('param', idParamSchema), async (c) => {
    await revokeOwnToken(c.var.db, requireSession(c).userId, c.req.valid('param').id, c.var.now)
    return c.body(null, 204)
  })
