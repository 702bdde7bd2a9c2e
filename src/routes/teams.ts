import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv, AppVariables } from '../env'
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
import { created, errors, notMember, ok } from './openapi-responses'

/**
 * Where links sent outside the page point: the configured `PUBLIC_ORIGIN`, else nothing (a
 * relative link). The request's own origin comes from its `Host` header, which whoever sends
 * the request (or a proxy in front) chooses, so it never goes into a link.
 */
export function publicOrigin(c: { var: Pick<AppVariables, 'deps'> }): string {
  return c.var.deps.publicOrigin ?? ''
}

/** `/api/v1/teams`: teams, members, invites and checks of a team (issue 7). */
export const teamRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({ tags: ['Teams'], summary: 'Create a team; you become its owner', responses: created('The team') }),
    auth('teams:write'),
    validate('json', createTeamSchema),
    async (c) => c.json(await createTeam(c.var.user, c.req.valid('json').name), 201),
  )
  .get(
    '/',
    describeRoute({ tags: ['Teams'], summary: 'The teams you belong to, with your role', responses: ok('Your teams') }),
    auth('teams:read'),
    async (c) => c.json(await listTeams(c.var.user)),
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Teams'],
      summary: 'A team you belong to, with its members',
      responses: ok('The team', notMember),
    }),
    auth('teams:read'),
    validate('param', teamParamSchema),
    async (c) => c.json(await teamDetail(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/invites',
    describeRoute({
      tags: ['Teams'],
      summary: 'Invite someone (owners): a single-use code and link, valid 7 days unless told otherwise',
      responses: created('`{code, url, expiresAt}`: the code is shown only here', notMember),
    }),
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
    describeRoute({
      tags: ['Teams'],
      summary: "Change a member's role (owners); the last owner cannot step down",
      responses: ok('The new role', notMember, { 409: 'The last owner cannot step down' }),
    }),
    auth('teams:write'),
    validate('param', memberParamSchema),
    validate('json', changeRoleSchema),
    async (c) => {
      const { id, userId } = c.req.valid('param')
      return c.json(await changeRole(c.var.user, id, userId, c.req.valid('json').role))
    },
  )
  .delete(
    '/:id/members/:userId',
    describeRoute({
      tags: ['Teams'],
      summary: 'Remove a member (owners), or leave the team (your own id); the last owner cannot leave',
      responses: { 204: { description: 'Removed' }, ...errors(notMember, { 409: 'The last owner cannot leave' }) },
    }),
    auth('teams:write'),
    validate('param', memberParamSchema),
    async (c) => {
      const { id, userId } = c.req.valid('param')
      await removeMember(c.var.user, id, userId)
      return c.body(null, 204)
    },
  )
  .get(
    '/:id/checks',
    describeRoute({
      tags: ['Checks'],
      summary: "A team's knowledge checks, with whether you have submitted each",
      responses: ok('The checks, newest first', notMember),
    }),
    auth('checks:read'),
    validate('param', teamParamSchema),
    async (c) => c.json(await listTeamChecks(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/checks',
    describeRoute({
      tags: ['Checks'],
      summary: 'Create a knowledge check (owners): one fixed question set for every member',
      responses: created('The check (without its questions: read them with GET /checks/{id})', notMember),
    }),
    auth('checks:write'),
    validate('param', teamParamSchema),
    validate('json', createCheckSchema),
    async (c) => c.json(await createCheck(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  )
