import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { requestPasswordReset, resetLinkUser, resetPassword } from '#data'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { logMailer } from '../../mail'
import { forgotPasswordSchema, resetPasswordSchema, resetTokenSchema } from '../../schemas/account-changes'
import { parseWith, validate } from '../../validation'
import { ForgotPasswordPage, ResetPasswordPage } from '../../views/pages/password-reset'
import { personMessage } from '../../views/person-message'

/**
 * The origin written into a reset link. With a real mailer it must be the configured public
 * origin: the request's Host header is the attacker's to choose. The default mailer only writes
 * to the server log, read by whoever runs the server, so the request's origin is safe there.
 */
function linkOrigin(c: Context<AppEnv>): string {
  if (c.var.deps.publicOrigin) return c.var.deps.publicOrigin
  if (c.var.deps.mailer === logMailer) return new URL(c.req.url).origin
  throw new AppError(503, 'service_unavailable', 'password reset needs PUBLIC_ORIGIN to be set on the server')
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? body[name] : '')

/** `/password/forgot` and `/password/reset/:token`: a new password through a link by mail. */
export const passwordResetPages = new Hono<AppEnv>()
  .get('/password/forgot', (c) => c.render(<ForgotPasswordPage csrfToken={c.var.csrfToken} />, { title: 'Reset' }))
  .post('/password/forgot', async (c) => {
    const body = await c.req.parseBody()
    try {
      const { email } = parseWith(forgotPasswordSchema, { email: field(body, 'email') })
      await requestPasswordReset(c.var.db, c.var.deps.mailer, { email, origin: linkOrigin(c), now: c.var.now })
      return c.render(<ForgotPasswordPage csrfToken={c.var.csrfToken} sent />, { title: 'Reset' })
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      c.status(error.status)
      const page = (
        <ForgotPasswordPage csrfToken={c.var.csrfToken} email={field(body, 'email')} error={personMessage(error)} />
      )
      return c.render(page, { title: 'Reset' })
    }
  })
  .get('/password/reset/:token', validate('param', resetTokenSchema), async (c) => {
    const { token } = c.req.valid('param')
    c.header('referrer-policy', 'no-referrer')
    await resetLinkUser(c.var.db, token, c.var.now)
    return c.render(<ResetPasswordPage csrfToken={c.var.csrfToken} token={token} />, { title: 'New password' })
  })
  .post('/password/reset/:token', validate('param', resetTokenSchema), async (c) => {
    const { token } = c.req.valid('param')
    const body = await c.req.parseBody()
    try {
      const { newPassword } = parseWith(resetPasswordSchema, { newPassword: field(body, 'newPassword') })
      await resetPassword(
        c.var.db,
        { passwordParams: c.var.deps.passwordParams, scrypt: c.var.deps.scrypt },
        { secret: token, newPassword, now: c.var.now },
      )
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 410) throw error
      c.status(error.status)
      const page = <ResetPasswordPage csrfToken={c.var.csrfToken} token={token} error={personMessage(error)} />
      return c.render(page, { title: 'New password' })
    }
    return c.redirect('/signin?reset=1', 303)
  })
