import { createMiddleware } from 'hono/factory'
import { readCsrfCookie, writeCsrfCookie } from '../auth/cookies'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { timingSafeEqual } from '../security/encoding'
import { randomSecret } from '../security/secrets'

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i

/**
 * CSRF defence for the HTML forms, in two layers: a double-submit token (a `SameSite=Strict`
 * cookie echoed in a hidden `_csrf` field) and hono's Origin check. JSON API calls cannot be
 * forged cross-site without a CORS preflight, which this app never grants, so form content
 * types are the ones checked.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  let token = readCsrfCookie(c)
  if (!token) {
    token = randomSecret(24)
    writeCsrfCookie(c, token)
  }
  c.set('csrfToken', token)
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
  const contentType = c.req.header('content-type') ?? ''
  if (unsafe && formTypes.test(contentType)) {
    const origin = c.req.header('origin')
    if (origin && origin !== new URL(c.req.url).origin)
      throw new AppError(403, 'csrf_failed', 'the form was posted from another site')
    const body = await c.req.parseBody()
    const sent = typeof body._csrf === 'string' ? body._csrf : ''
    const cookie = readCsrfCookie(c) ?? ''
    const encoder = new TextEncoder()
    if (!cookie || !timingSafeEqual(encoder.encode(sent), encoder.encode(cookie)))
      throw new AppError(403, 'csrf_failed', 'the form has expired: reload the page and try again')
  }
  await next()
})
