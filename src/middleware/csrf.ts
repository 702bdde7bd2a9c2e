import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { readCsrfCookie, writeCsrfCookie } from '../auth/cookies'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { timingSafeEqual } from '../security/encoding'
import { randomSecret } from '../security/secrets'

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i
const jsonType = /^application\/json\s*(;|$)/i
const safeMethods = ['GET', 'HEAD', 'OPTIONS']

/**
 * Whether a browser sent the request from this site's own pages. `Sec-Fetch-Site` (every
 * current browser) must say `same-origin` (or `none`: typed in the address bar); `Origin`,
 * when sent, must be this origin or PUBLIC_ORIGIN. A client that sends neither is not a browser,
 * and a cross-site page cannot make a browser leave them out.
 * @see https://web.dev/articles/fetch-metadata
 */
function fromOwnPages(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = c.req.header('origin')
  if (origin === undefined) return true
  return origin === new URL(c.req.url).origin || origin === c.var.deps.publicOrigin
}

/**
 * CSRF defence for the HTML forms, in two layers: the Origin / Sec-Fetch-Site check above, and
 * a double-submit token (a `SameSite=Strict` cookie echoed in a hidden `_csrf` field). Every
 * unsafe page request is checked whatever its content type: a `fetch(..., {mode: 'no-cors'})`
 * with no body once removed team members from a sibling origin (security review, finding 3).
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  let token = readCsrfCookie(c)
  if (!token) {
    token = randomSecret(24)
    writeCsrfCookie(c, token)
  }
  c.set('csrfToken', token)
  if (safeMethods.includes(c.req.method)) return next()
  if (!fromOwnPages(c)) throw new AppError(403, 'csrf_failed', 'the form was posted from another site')
  if (!formTypes.test(c.req.header('content-type') ?? ''))
    throw new AppError(403, 'csrf_failed', 'the form has expired: reload the page and try again')
  let body: Record<string, unknown>
  try {
    body = await c.req.parseBody()
  } catch {
    // A malformed multipart body was a 500 with a stack trace in the log (finding 6).
    throw new AppError(400, 'bad_request', 'the form body could not be read')
  }
  const sent = typeof body._csrf === 'string' ? body._csrf : ''
  const cookie = readCsrfCookie(c) ?? ''
  const encoder = new TextEncoder()
  if (!cookie || !timingSafeEqual(encoder.encode(sent), encoder.encode(cookie)))
    throw new AppError(403, 'csrf_failed', 'the form has expired: reload the page and try again')
  await next()
})

/**
 * The API's side of finding 3: an unsafe call made with the session cookie must come from this
 * site's pages, and a body must be `application/json` (415 otherwise: `text/plain`, forms and
 * bodies without a type were read as `{}`), holding an object (`[]` is a 400, not `{}`).
 * Token calls carry no ambient credential, so only their body is checked.
 */
const noteRoute = /^\/api\/v1\/decks\/[^/]+\/notes\/./
const importRoute = /^\/api\/v1\/decks\/[^/]+\/import$/
const multipartType = /^multipart\/form-data\s*;/i

export const apiRequestGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.includes(c.req.method)) return next()
  if (c.var.caller?.via !== 'token' && !fromOwnPages(c))
    throw new AppError(403, 'csrf_failed', 'the request came from another site')
  const type = c.req.header('content-type')
  const length = c.req.header('content-length')
  const hasBody = type !== undefined || (length !== undefined && length !== '0') || c.req.header('transfer-encoding')
  if (!hasBody) return next()
  // A note is written as its raw Markdown (PUT /decks/{slug}/notes/{path}), whatever its type; the
  // origin check above already holds for it, so a text body there is no cross-site risk.
  if (c.req.method === 'PUT' && noteRoute.test(new URL(c.req.url).pathname)) return next()
  // An import is files (multipart), past the same origin check; the route reads the form itself.
  if (c.req.method === 'POST' && multipartType.test(type ?? '') && importRoute.test(new URL(c.req.url).pathname))
    return next()
  if (!jsonType.test(type ?? ''))
    throw new AppError(415, 'unsupported_media_type', 'content-type: the API takes application/json bodies only')
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new AppError(400, 'bad_request', 'body: not valid JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AppError(400, 'bad_request', 'body: expected a JSON object')
  await next()
})
