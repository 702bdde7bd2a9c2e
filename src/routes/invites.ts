import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { inviteParamSchema } from '../schemas/teams'
import { acceptInvite } from '../services/teams'
import { validate } from '../validation'
import { ok } from './openapi-responses'

/** `/api/v1/invites`: accepting an invitation (issue 7). */
export const inviteRoutes = new Hono<AppEnv>().post(
  '/:code/accept',
  describeRoute({
    tags: ['Teams'],
    summary: 'Join a team with an invite code; the code then stops working',
    responses: ok('`{team, role}`', {
      404: 'No such invite',
      409: 'You are already a member',
      410: 'The invite was used or has expired',
    }),
  }),
  auth('teams:write'),
  validate('param', inviteParamSchema),
  async (c) => c.json(await acceptInvite(c.var.user, c.req.valid('param').code)),
)
