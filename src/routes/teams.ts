import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import {
  changeRoleSchema,
  createCheckSchema,
  createInviteSchema,
  createTeamSchema,
  memberParamSchema,
  teamParamSchema,
} from '../schemas/teams'
import { createCheck, listTeamChecks } from '../services/checks'
import { changeRole, createInvite, createTeam, listTeams, removeMember, teamDetail } from '../services/teams'
import { validate } from '../validation'
import { publicOrigin } from './request-info'

/** `/api/v1/teams`: teams, members, invites and checks of a team (issue 7). */
export const teamRoutes = new Hono<AppEnv>()
  .post('/', auth('teams:write'), validate('json', createTeamSchema), async (c) =>
    c.json(await createTeam(c.var.user, c.req.valid('json').name), 201),
  )
  .get('/', auth('teams:read'), async (c) => c.json(await listTeams(c.var.user)))
  .get('/:id', auth('teams:read'), validate('param', teamParamSchema), async (c) =>
    c.json(await teamDetail(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/invites',
    auth('teams:write'),
    validate('param', teamParamSchema),
    validate('json', createInviteSchema),
    async (c) => {
      const { id } = c.req.valid('param')
      const invite = await createInvite(c.var.user, id, c.req.valid('json').expiresInDays, publicOrigin(c))
      return c.json(invite, 201)
    },
  )
  .patch(
    '/:id/members/:userId',
    auth('teams:write'),
    validate('param', memberParamSchema),
    validate('json', changeRoleSchema),
    async (c) => {
      const { id, userId } = c.req.valid('param')
      return c.json(await changeRole(c.var.user, id, userId, c.req.valid('json').role))
    },
  )
  .delete('/:id/members/:userId', auth('teams:write'), validate('param', memberParamSchema), async (c) => {
    const { id, userId } = c.req.valid('param')
    await removeMember(c.var.user, id, userId)
    return c.body(null, 204)
  })
  .get('/:id/checks', auth('checks:read'), validate('param', teamParamSchema), async (c) =>
    c.json(await listTeamChecks(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/checks',
    auth('checks:write'),
    validate('param', teamParamSchema),
    validate('json', createCheckSchema),
    async (c) => c.json(await createCheck(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  )
