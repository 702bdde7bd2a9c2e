import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { deleteSession, findInvite, login, register } from '#data'
import { clearSessionCookie, writeSessionCookie } from '../../auth/cookies'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { loginSchema, registerSchema } from '../../schemas/accounts'
import { hashSecret } from '../../security/secrets'
import { parseWith } from '../../validation'
import { AccountForm } from '../../views/pages/account-form'
import { personMessage } from '../../views/person-message'
import { signInAttempt } from '../request-info'

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\w\-/?=&.%]*$/.test(next) ? next : '/'
}

/** The team an invite link names, when `next` is one: shown on sign-in and sign-up. */
async function invitingTeam(c: Context<AppEnv>, next: string): Promise<string | undefined> {
  const code = /^\/invites\/([\w-]{8,64})$/.exec(next)?.[1]
  if (!code) return undefined
  const invite = await findInvite(c.var.db, await hashSecret(code))
  return invite && invite.usedAt === null && invite.expiresAt > c.var.now ? invite.teamName : undefined
}

async function formProps(c: Context<AppEnv>, next: unknown) {
  const safe = safeNext(next)
  return {
    csrfToken: c.var.csrfToken,
    next: safe === '/' ? undefined : safe,
    invitingTeam: await invitingTeam(c, safe),
  }
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** Sign-up, sign-in and sign-out pages: plain forms, CSRF-checked by the app's middleware. */
export const accountPages = new Hono<AppEnv>()
  .get('/signin', async (c) =>
    c.render(<AccountForm mode="signin" {...(await formProps(c, c.req.query('next')))} />, { title: 'Sign in' }),
  )
  .get('/signup', async (c) =>
    c.render(<AccountForm mode="signup" {...(await formProps(c, c.req.query('next')))} />, {
      title: 'Sign up',
      scripts: ['timezone.js'],
    }),
  )
  .post('/signin', async (c) => {
    const body = await c.req.parseBody()
    try {
      const input = parseWith(loginSchema, { email: field(body, 'email'), password: field(body, 'password') })
      const { userId, sessionSecret } = await login(c.var.user ?? c.var, input, c.var.deps, signInAttempt(c))
      writeSessionCookie(c, c.var.deps.signingKey, { userId, secret: sessionSecret })
      return c.redirect(safeNext(body.next), 303)
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value)
      c.status(error.status)
      return c.render(
        <AccountForm
          mode="signin"
          {...(await formProps(c, body.next))}
          email={field(body, 'email')}
          error={{ field: error.options.field, message: personMessage(error) }}
        />,
        { title: 'Sign in' },
      )
    }
  })
  .post('/signup', async (c) => {
    const body = await c.req.parseBody()
    const name = field(body, 'name').trim()
    try {
      const input = parseWith(registerSchema, {
        email: field(body, 'email'),
        password: field(body, 'password'),
        ...(name ? { name } : {}),
        // Chosen in the form's select (preset to the browser's zone by script); none sent means UTC.
        ...(field(body, 'timezone') ? { timezone: field(body, 'timezone') } : {}),
      })
      const { userId, sessionSecret } = await register(c.var, input, c.var.deps)
      writeSessionCookie(c, c.var.deps.signingKey, { userId, secret: sessionSecret })
      return c.redirect(safeNext(body.next), 303)
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      c.status(error.status)
      return c.render(
        <AccountForm
          mode="signup"
          {...(await formProps(c, body.next))}
          email={field(body, 'email')}
          name={name}
          timezone={field(body, 'timezone') || 'UTC'}
          error={{ field: error.options.field, message: personMessage(error) }}
        />,
        { title: 'Sign up', scripts: ['timezone.js'] },
      )
    }
  })
  .post('/signout', async (c) => {
    const hash = c.var.caller?.sessionHash
    if (hash) await deleteSession(c.var.db, hash)
    clearSessionCookie(c)
    return c.redirect('/signin', 303)
  })
