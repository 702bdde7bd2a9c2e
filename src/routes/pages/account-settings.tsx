import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import {
  changeEmail,
  changePassword,
  createToken,
  deleteAccount,
  revokeOwnToken,
  signOutEverywhere,
  tokensOf,
} from '#data'
import { clearSessionCookie } from '../../auth/cookies'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from '../../schemas/account-changes'
import { createTokenSchema, idParamSchema } from '../../schemas/accounts'
import { maxActiveTokens } from '../../services/token-limit'
import { parseWith, validate } from '../../validation'
import { AccountPage, type AccountPageProps } from '../../views/pages/account'
import { personMessage } from '../../views/person-message'
import { signedIn } from './signed-in'

type Ctx = Context<SignedInEnv>
type FormBody = Record<string, string | File | (string | File)[]>

const text = (body: FormBody, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')

async function renderAccount(c: Ctx, extra: Pick<AccountPageProps, 'created' | 'notice'> = {}) {
  const caller = c.var.caller
  const tokens = await tokensOf(c.var.db, caller.userId)
  const now = c.var.now
  const activeTokens = tokens.filter((token) => token.expiresAt === null || Date.parse(token.expiresAt) > now).length
  return c.render(
    <AccountPage
      email={caller.email}
      tokens={tokens}
      activeTokens={activeTokens}
      tokenLimit={maxActiveTokens}
      csrfToken={c.var.csrfToken}
      timeZone={c.var.user.settings.timezone}
      {...extra}
    />,
    { title: 'Your account' },
  )
}

/** Runs a form's change; a refusal re-renders the page with the reason beside that form. */
async function attempt(c: Ctx, form: string, change: () => Promise<string>) {
  try {
    const message = await change()
    return renderAccount(c, { notice: { form, message, error: false } })
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error
    c.status(error.status)
    return renderAccount(c, { notice: { form, message: personMessage(error), error: true } })
  }
}

/** `/account`: API tokens, password, email, sign out everywhere, and deleting the account. */
export const accountSettingsPages = new Hono<AppEnv>()
  .use('/account', signedIn)
  .use('/account/*', signedIn)
  .get('/account', (c) => renderAccount(c))
  .post('/account/tokens', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const picked = body.scopes === undefined ? [] : ([] as unknown[]).concat(body.scopes)
    try {
      const input = parseWith(createTokenSchema, {
        name: text(body, 'name'),
        scopes: picked.length ? picked : undefined,
        expiresInDays: Number(text(body, 'expiresInDays') || 90),
      })
      const created = await createToken(c.var.db, c.var.caller.userId, input, c.var.now)
      c.status(201)
      return renderAccount(c, { created })
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      c.status(error.status)
      return renderAccount(c, { notice: { form: 'tokens', message: personMessage(error), error: true } })
    }
  })
  .post('/account/tokens/:id/revoke', validate('param', idParamSchema), (c) =>
    attempt(c, 'tokens', async () => {
      await revokeOwnToken(c.var.db, c.var.caller.userId, c.req.valid('param').id, c.var.now)
      return 'The token was revoked: it no longer works.'
    }),
  )
  .post('/account/password', async (c) => {
    const body = await c.req.parseBody()
    return attempt(c, 'password', async () => {
      const input = parseWith(changePasswordSchema, {
        currentPassword: text(body, 'currentPassword'),
        newPassword: text(body, 'newPassword'),
      })
      await changePassword(c.var.user, input, c.var.deps)
      return 'Your password was changed, and your other devices were signed out.'
    })
  })
  .post('/account/email', async (c) => {
    const body = await c.req.parseBody()
    return attempt(c, 'email', async () => {
      const input = parseWith(changeEmailSchema, {
        email: text(body, 'email'),
        currentPassword: text(body, 'currentPassword'),
      })
      await changeEmail(c.var.user, input, c.var.deps)
      c.var.caller.email = input.email
      return `You now sign in as ${input.email}.`
    })
  })
  .post('/account/sign-out-everywhere', async (c) => {
    await signOutEverywhere(c.var.user)
    clearSessionCookie(c)
    return c.redirect('/signin', 303)
  })
  .post('/account/delete', async (c) => {
    const body = await c.req.parseBody()
    try {
      const input = parseWith(deleteAccountSchema, {
        currentPassword: text(body, 'currentPassword'),
        confirm: text(body, 'confirm').trim().toLowerCase(),
      })
      await deleteAccount(c.var.user, input, c.var.deps)
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      c.status(error.status)
      return renderAccount(c, { notice: { form: 'delete', message: personMessage(error), error: true } })
    }
    clearSessionCookie(c)
    // The account is gone: the layout drawn next shows the signed-out header.
    ;(c as unknown as Context<AppEnv>).set('caller', null)
    return c.render(
      <section class="card">
        <h1>Your account was deleted</h1>
        <p>Your reviews, exams, tokens and team memberships are gone. Thank you for studying with dockdeck.</p>
        <p>
          <a href="/signup">Create a new account</a>
        </p>
      </section>,
      { title: 'Account deleted' },
    )
  })
