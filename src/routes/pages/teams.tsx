import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import {
  acceptInvite,
  changeRole,
  checkResults,
  checkView,
  createCheck,
  createInvite,
  createTeam,
  listDecks,
  listTeamChecks,
  listTeams,
  previewInvite,
  removeMember,
  submitCheck,
  teamDetail,
} from '#data'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { instantFromLocalInput } from '../../format'
import type { SignedInEnv } from '../../middleware/caller'
import {
  changeRoleSchema,
  checkParamSchema,
  createCheckSchema,
  createTeamSchema,
  inviteParamSchema,
  memberParamSchema,
  submissionSchema,
  teamParamSchema,
} from '../../schemas/teams'
import { parseWith, validate } from '../../validation'
import { CheckPage } from '../../views/pages/check-page'
import { CheckResultsPage } from '../../views/pages/check-results'
import { TeamInvite } from '../../views/pages/team-invite'
import { type FormError, TeamList } from '../../views/pages/team-list'
import { TeamPage, type TeamPageProps } from '../../views/pages/team-page'
import { publicOrigin } from '../request-info'
import { signedIn } from './signed-in'

type Ctx = Context<SignedInEnv>
const assets = { styles: ['teams.css'], scripts: ['teams.js'] }

/** A form's 400 or 409 is shown on the page it came from; anything else is the error page. */
function formError(error: unknown): FormError & { status: 400 | 409 } {
  if (error instanceof AppError && (error.status === 400 || error.status === 409))
    return { field: error.options.field, message: error.message, status: error.status }
  throw error
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const list = (value: unknown) => (Array.isArray(value) ? value.map(text) : value ? [text(value)] : [])

async function renderTeam(c: Ctx, teamId: string, extra: Partial<TeamPageProps> = {}, status: 200 | 400 | 409 = 200) {
  const ctx = c.var.user
  const team = await teamDetail(ctx, teamId)
  const [checks, visible] = await Promise.all([listTeamChecks(ctx, teamId), listDecks(c.var.db, ctx.userId)])
  const decks = visible.filter((d) => d.ownerId === null && (d.teamId === null || d.teamId === teamId))
  c.status(status)
  const props = {
    team,
    checks,
    decks,
    userId: ctx.userId,
    csrfToken: c.var.csrfToken,
    timeZone: ctx.settings.timezone,
    ...extra,
  }
  return c.render(<TeamPage {...props} />, { title: team.name, ...assets })
}

async function renderCheck(c: Ctx, checkId: string, error?: FormError & { status: 400 | 409 }) {
  const check = await checkView(c.var.user, checkId)
  if (error) c.status(error.status)
  // A member's answers after the check closes are laid out as an exam result's.
  const styles = check.answers ? [...assets.styles, 'exam.css'] : assets.styles
  return c.render(
    <CheckPage check={check} csrfToken={c.var.csrfToken} error={error} timeZone={c.var.user.settings.timezone} />,
    {
      title: check.title,
      ...assets,
      styles,
    },
  )
}

/** Team, check and results pages (issue 7): plain forms, enhanced by teams.js. */
export const teamPages = new Hono<AppEnv>()
  .use('/teams/*', signedIn)
  .use('/teams', signedIn)
  .use('/checks/*', signedIn)
  .use('/invites/*', signedIn)
  .get('/teams', async (c) => {
    const teams = await listTeams(c.var.user)
    return c.render(<TeamList teams={teams} csrfToken={c.var.csrfToken} />, { title: 'Teams', ...assets })
  })
  .post('/teams', async (c) => {
    const name = text((await c.req.parseBody()).name)
    try {
      const team = await createTeam(c.var.user, parseWith(createTeamSchema, { name }).name)
      return c.redirect(`/teams/${team.id}`, 303)
    } catch (error) {
      const failure = formError(error)
      const teams = await listTeams(c.var.user)
      c.status(failure.status)
      const page = <TeamList teams={teams} csrfToken={c.var.csrfToken} name={name} error={failure} />
      return c.render(page, { title: 'Teams', ...assets })
    }
  })
  .get('/teams/:id', validate('param', teamParamSchema), (c) => renderTeam(c, c.req.valid('param').id))
  .post('/teams/:id/invites', validate('param', teamParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    const invite = await createInvite(c.var.user, id, 7, publicOrigin(c))
    return renderTeam(c, id, { invite })
  })
  .post('/teams/:id/members/:userId/role', validate('param', memberParamSchema), async (c) => {
    const { id, userId } = c.req.valid('param')
    try {
      const { role } = parseWith(changeRoleSchema, { role: text((await c.req.parseBody()).role) })
      await changeRole(c.var.user, id, userId, role)
      return c.redirect(`/teams/${id}`, 303)
    } catch (error) {
      const failure = formError(error)
      return renderTeam(c, id, { error: failure, errorIn: 'team' }, failure.status)
    }
  })
  .post('/teams/:id/members/:userId/remove', validate('param', memberParamSchema), async (c) => {
    const { id, userId } = c.req.valid('param')
    try {
      await removeMember(c.var.user, id, userId)
      return c.redirect(userId === c.var.caller.userId ? '/teams' : `/teams/${id}`, 303)
    } catch (error) {
      const failure = formError(error)
      return renderTeam(c, id, { error: failure, errorIn: 'team' }, failure.status)
    }
  })
  .post('/teams/:id/checks', validate('param', teamParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    const body = await c.req.parseBody({ all: true })
    try {
      const input = parseWith(createCheckSchema, {
        title: text(body.title),
        deck: text(body.deck),
        topics: list(body.topics).length ? list(body.topics) : undefined,
        questionCount: Number(text(body.questionCount)),
        format: text(body.format) || undefined,
        // datetime-local has no zone: the form says the times are in the owner's.
        opensAt: instantFromLocalInput(text(body.opensAt), c.var.user.settings.timezone),
        closesAt: instantFromLocalInput(text(body.closesAt), c.var.user.settings.timezone),
      })
      const check = await createCheck(c.var.user, id, input)
      return c.redirect(`/checks/${check.id}`, 303)
    } catch (error) {
      const failure = formError(error)
      return renderTeam(c, id, { error: failure, errorIn: 'check' }, failure.status)
    }
  })
  .get('/checks/:id', validate('param', checkParamSchema), (c) => renderCheck(c, c.req.valid('param').id))
  .post('/checks/:id', validate('param', checkParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    const body = await c.req.parseBody()
    const answers = Object.entries(body)
      .filter(([key, value]) => key.startsWith('q.') && text(value).trim() !== '')
      .map(([key, value]) => ({ questionId: key.slice(2), choice: text(value) }))
    try {
      await submitCheck(c.var.user, id, parseWith(submissionSchema, { answers }))
      return c.redirect(`/checks/${id}`, 303)
    } catch (error) {
      return renderCheck(c, id, formError(error))
    }
  })
  .get('/checks/:id/results', validate('param', checkParamSchema), async (c) => {
    const results = await checkResults(c.var.user, c.req.valid('param').id)
    return c.render(<CheckResultsPage results={results} />, { title: `Results: ${results.check.title}`, ...assets })
  })
  .get('/invites/:code', validate('param', inviteParamSchema), async (c) => {
    const { code } = c.req.valid('param')
    const preview = await previewInvite(c.var.user, code)
    return c.render(<TeamInvite code={code} csrfToken={c.var.csrfToken} {...preview} />, {
      title: `Join ${preview.team.name}`,
      ...assets,
    })
  })
  .post('/invites/:code', validate('param', inviteParamSchema), async (c) => {
    const { team } = await acceptInvite(c.var.user, c.req.valid('param').code)
    return c.redirect(`/teams/${team.id}`, 303)
  })
