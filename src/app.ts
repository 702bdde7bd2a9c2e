import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { Hono } from 'hono/tiny'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { shippedDeck } from './config'
import { SchedulingError } from './domain/scheduling'
import type { AppDeps, AppEnv } from './env'
import { AppError, type ErrorCode } from './errors'
import { logMailer } from './mail'
import { resolveCaller, resolveSession } from './middleware/caller'
import { apiRequestGuard, csrfProtection } from './middleware/csrf'
import { noStore } from './middleware/no-store'
import { clientAddress, createRateLimits, limitBy, signedInUser } from './middleware/rate-limit'
import { secureResponses } from './middleware/security-headers'
import { apiRoutes } from './routes/api'
import { healthRoutes } from './routes/health'
import { accountPages } from './routes/pages/account'
import { accountSettingsPages } from './routes/pages/account-settings'
import { cardPages } from './routes/pages/cards'
import { deckPages } from './routes/pages/decks'
import { examPages } from './routes/pages/exams'
import { helpPages } from './routes/pages/help'
import { homePages } from './routes/pages/home'
import { passwordResetPages } from './routes/pages/password-reset'
import { progressPages } from './routes/pages/progress'
import { quizPages } from './routes/pages/quiz'
import { reviewPages } from './routes/pages/review'
import { settingsPages } from './routes/pages/settings'
import { signedIn } from './routes/pages/signed-in'
import { teamPages } from './routes/pages/teams'
import { cryptoScrypt, defaultScryptParams } from './security/password'
import { randomSecret } from './security/secrets'
import { deckLimits } from './services/deck-limits'
import { requireTools } from './services/own-decks'
import { layout } from './views/layout'
import { renderError } from './views/render-error'

/** Request bodies above this are refused with 413 before they are read (uploads excepted). */
/** The pages `deps.deckPages` serves (src/routes/pages/own-decks.tsx); without it they answer 501. */
const ownDeckPaths = [
  '/decks',
  '/decks/:slug/notes',
  '/decks/:slug/note',
  '/decks/:slug/note/delete',
  '/decks/:slug/upload',
]

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
 * Builds the whole app. It imports no runtime-specific driver: the runtime entry passes the
 * database factory in `deps`, so the same app runs on Node and on Cloudflare Workers.
 */
export function createApp(deps: AppDeps) {
  const resolved: AppEnv['Variables']['deps'] = {
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
  const limits = createRateLimits(deps)
  const app = new Hono<AppEnv>()

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
  app.route('/healthz', healthRoutes)

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
    c.set('db', resolved.database(c.env))
    await next()
  })
  app.use('/api/*', noStore)
  app.use('/api/v1/*', resolveCaller, limitBy(limits.user, 'user', signedInUser), apiRequestGuard)
  app.route('/api/v1', apiRoutes)

  app.use(resolveSession, csrfProtection, layout)
  app.route('/', accountPages)
  app.route('/', homePages)
  app.route('/', reviewPages)
  app.route('/', settingsPages)
  if (resolved.deckPages) app.route('/', resolved.deckPages)
  else app.on(['GET', 'POST'], ownDeckPaths, signedIn, () => requireTools(undefined) as never)
  app.route('/', deckPages)
  app.route('/', cardPages)
  app.route('/', progressPages)
  app.route('/', examPages)
  app.route('/', quizPages)
  app.route('/', teamPages)
  app.route('/', helpPages)
  app.route('/', accountSettingsPages)
  app.route('/', passwordResetPages)

  app.notFound((c) =>
    renderError(c, new AppError(404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)),
  )
  app.onError((error, c) => {
    const appError = toAppError(error)
    if (!appError) console.error(error)
    return renderError(c, appError ?? new AppError(500, 'internal_error', 'an unexpected error occurred'))
  })
  return app
}

export type App = ReturnType<typeof createApp>
