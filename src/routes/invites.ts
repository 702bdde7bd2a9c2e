import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { inviteParamSchema } from '../schemas/teams'
import { acceptInvite } from '../services/teams'
import { validate } from '../validation'

/** `/api/v1/invites`: accepting an invitation (issue 7). */
export const inviteRoutes = new Hono<AppEnv>().post(
  '/:code/accept',
  auth('teams:write'),
  validate('param', inviteParamSchema),
  async (c) => c.json(await acceptInvite(c.var.user, c.req.valid('param').code)),
)
