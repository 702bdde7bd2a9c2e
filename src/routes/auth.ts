import { Hono } from 'hono/tiny'
import { clearSessionCookie, writeSessionCookie } from '../auth/cookies'
import { deleteSession } from '../db/queries/sessions'
import type { AppEnv } from '../env'
import { loginSchema, registerSchema } from '../schemas/accounts'
import { login, register } from '../services/accounts'
import { validate } from '../validation'
import { signInAttempt } from './request-info'

/** `/api/v1/auth`: register, sign in and sign out with a session cookie. */
export const authRoutes = new Hono<AppEnv>()
  .post('/register', validate('json', registerSchema), async (c) => {
    const input = c.req.valid('json')
    const { userId, sessionSecret } = await register(c.var, input, c.var.deps)
    writeSessionCookie(c, c.var.deps.signingKey, { userId, secret: sessionSecret })
    return c.json({ id: userId, email: input.email, name: input.name ?? null }, 201)
  })
  .post('/login', validate('json', loginSchema), async (c) => {
    const input = c.req.valid('json')
    const { userId, sessionSecret } = await login(c.var.user ?? c.var, input, c.var.deps, signInAttempt(c))
    writeSessionCookie(c, c.var.deps.signingKey, { userId, secret: sessionSecret })
    return c.json({ id: userId, email: input.email }, 200)
  })
  .post('/logout', async (c) => {
    const hash = c.var.caller?.sessionHash
    if (hash) await deleteSession(c.var.db, hash)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
