import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { inviteParamSchema } from '../schemas/teams'
import { acceptInvite } from '../services/teams'
import { validate } from '../validation'
import { teamContext } from './teams'

/** `/api/v1/invites`: accepting an invitation (issue 7). */
export const inviteRoutes = new Hono<AppEnv>().post(
  '/:code/accept',
  describeRoute({
    tags: ['Teams'],
    summary: 'Join a team with an invite code; the code then stops working',
  }),
  auth('teams:write'),
  validate('param', inviteParamSchema),
  async (c) => c.json(await acceptInvite(teamContext(c), c.req.valid('param').code)),
)
