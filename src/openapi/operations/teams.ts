import { created, errors, notMember, ok } from '../responses'
import type { Operations } from './types'

export const teamsOperations: Operations = {
  'POST /teams': { tags: ['Teams'], summary: 'Create a team; you become its owner', responses: created('The team') },
  'GET /teams': { tags: ['Teams'], summary: 'The teams you belong to, with your role', responses: ok('Your teams') },
  'GET /teams/:id': {
    tags: ['Teams'],
    summary: 'A team you belong to, with its members',
    responses: ok('The team', notMember),
  },
  'POST /teams/:id/invites': {
    tags: ['Teams'],
    summary: 'Invite someone (owners): a single-use code and link, valid 7 days unless told otherwise',
    responses: created('`{code, url, expiresAt}`: the code is shown only here', notMember),
  },
  'PATCH /teams/:id/members/:userId': {
    tags: ['Teams'],
    summary: "Change a member's role (owners); the last owner cannot step down",
    responses: ok('The new role', notMember, { 409: 'The last owner cannot step down' }),
  },
  'DELETE /teams/:id/members/:userId': {
    tags: ['Teams'],
    summary: 'Remove a member (owners), or leave the team (your own id); the last owner cannot leave',
    responses: { 204: { description: 'Removed' }, ...errors(notMember, { 409: 'The last owner cannot leave' }) },
  },
  'GET /teams/:id/checks': {
    tags: ['Checks'],
    summary: "A team's knowledge checks, with whether you have submitted each",
    responses: ok('The checks, newest first', notMember),
  },
  'POST /teams/:id/checks': {
    tags: ['Checks'],
    summary: 'Create a knowledge check (owners): one fixed question set for every member',
    responses: created('The check (without its questions: read them with GET /checks/{id})', notMember),
  },
}
