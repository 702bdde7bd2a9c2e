import type { Context, Hono, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { Hono as TinyHono } from 'hono/tiny'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { shippedDeck } from './config'
import { SchedulingError } from './domain/scheduling'
import type { AppDeps, AppEnv, ResolvedDeps } from './env'
import { AppError, type ErrorCode } from './errors'
import { logMailer } from './mail'
import { noStore } from './middleware/no-store'
import { clientAddress, createRateLimits, limitBy, signedInUser } from './middleware/rate-limit'
import { secureResponses } from './middleware/security-headers'
import { cryptoScrypt, defaultScryptParams } from './security/password'
import { randomSecret } from './security/secrets'
import { deckLimits } from './services/deck-limits'

/** Request bodies above this are refused with 413 before they are read (uploads excepted). */
export const maxBodyBytes = 64 * 1024
const uploadPath = /^(\/api\/v1)?\/decks\/[^/]+\/(import|upload)$/
const notePath = /^(\/api\/v1)?\/decks\/[^/]+\/(notes(\/|$)|note$)/
/** Posts that derive a scrypt key (sign-in, sign-up, password reset and changes): the `signIn` limit. */
const passwordPath =
  /^(\/signin|\/signup|\/api\/v1\/auth\/(login|register)|\/password\/(forgot|reset\/[^/]+)|\/account\/(password|email|delete))$/

const codeForStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error
  if (error instanceof SchedulingError) {
    const status = error.code === 'invalid_rating' ? 400 : 409
    return new AppError(status, status === 400 ? 'bad_request' : 'conflict', error.message)
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return new AppError(status, codeForStatus[status] ?? 'bad_request', error.message || 'bad request')
  }
  return undefined
}

let processKey: string | undefined
/**
 * The signing key of an app given none (tests, benchmarks): one per process, made on first use
 * (workerd allows no random values at module scope), so apps of one process on one database
 * (a second "server" in a race test) take each other's cookies, as servers sharing `SIGNING_KEY` do.
 */
function processSigningKey(): string {
  processKey ??= randomSecret(32)
  return processKey
}

/**
 * What an app serves besides the shared middleware. The whole app (`createApp`, Node and tests)
 * has all of it; each Worker only its part (docs/architecture.md, "Two Workers"), and since the
 * parts come in here as values, a Worker's bundle holds only the routes its entry imports.
 */
export interface AppParts {
  /** `/healthz`. */
  health?: Hono<AppEnv>
  /** `/api/v1/*` with the caller middleware (token or session, scopes, per-user limit). */
  api?: { routes: Hono<AppEnv>; caller: MiddlewareHandler<AppEnv>; guard: MiddlewareHandler<AppEnv> }
  /** The HTML pages with their middleware: mounted after the API, on every other path. */
  pages?: (app: Hono<AppEnv>, deps: ResolvedDeps) => void
  /** Turns an error into the response: problem+json, or an HTML page for browsers. */
  renderError: (c: Context<AppEnv>, error: AppError) => Response | Promise<Response>
}

/** The deps an app runs with: what the entry passed, over the defaults. */
export function resolveDeps(deps: AppDeps): ResolvedDeps {
  return {
    clock: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown',
    passwordParams: defaultScryptParams,
    scrypt: cryptoScrypt,
    defaultDeck: shippedDeck,
    signingKey: processSigningKey(),
    ...deps,
    mailer: deps.mailer ?? logMailer,
  }
}

/**
 * Builds an app from its parts on the shared middleware (security headers, rate limits, body
 * limits, the request's database and clock). It imports no runtime driver and no route: the
 * entry passes both.
 */
export function buildApp(resolved: ResolvedDeps, parts: AppParts) {
  const limits = createRateLimits(resolved)
  const app = new TinyHono<AppEnv>()

  app.use(secureResponses)
  app.use(async (c, next) => {
    c.set('deps', resolved)
    c.set('now', resolved.clock())
    c.set('caller', null)
    c.set('user', null)
    c.set('claim', null)
    await next()
  })
  // Stylesheets, scripts, icons and the API description are files in `static/` (`npm run static`):
  // on Workers, Static Assets serve them before the Worker runs; on Node, this middleware.
  if (resolved.staticFiles) app.use(resolved.staticFiles)
  if (parts.health) app.route('/healthz', parts.health)

  // Per address before anything reads the database: a flood of bogus tokens or session cookies
  // is refused without one lookup. Static files, /healthz and the API description are not counted.
  app.use(limitBy(limits.address, 'address', clientAddress))
  app.use(
    limitBy(limits.signIn, 'signIn', (c) =>
      c.req.method === 'POST' && passwordPath.test(c.req.path) ? clientAddress(c) : undefined,
    ),
  )

  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(413, 'payload_too_large', `the request body exceeds ${maxSize} bytes`)
      },
    })
  const smallBodies = limit(maxBodyBytes)
  const notes = limit(deckLimits.noteBytes)
  const uploads = limit(deckLimits.uploadBytes)
  // Notes and uploads have their own limits (deckLimits); everything else is small JSON or a form.
  app.use((c, next) => {
    const path = c.req.path
    if (uploadPath.test(path)) return uploads(c, next)
    if (notePath.test(path)) return notes(c, next)
    return smallBodies(c, next)
  })
  app.use(async (c, next) => {
    c.set('db', resolved.database(c.env, resolved))
    await next()
  })
  app.use('/api/*', noStore)
  if (parts.api) {
    app.use('/api/v1/*', parts.api.caller, limitBy(limits.user, 'user', signedInUser), parts.api.guard)
    app.route('/api/v1', parts.api.routes)
  }
  parts.pages?.(app, resolved)

  app.notFound((c) =>
    parts.renderError(c, new AppError(404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)),
  )
  app.onError((error, c) => {
    const appError = toAppError(error)
    if (!appError) console.error(error)
    return parts.renderError(c, appError ?? new AppError(500, 'internal_error', 'an unexpected error occurred'))
  })
  return app
}

export type App = ReturnType<typeof buildApp>
