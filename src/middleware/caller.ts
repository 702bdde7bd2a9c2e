import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { matchedRoutes } from 'hono/route'
import { uniqueSymbol } from 'hono-openapi'
import { findLiveSession, findToken, touchSession, touchToken } from '#data'
import { readSessionCookie } from '../auth/cookies'
import { sessionIdleMs, sessionTouchMs } from '../auth/session-policy'
import type { AppEnv, Caller } from '../env'
import { AppError } from '../errors'
import { hashSecret } from '../security/secrets'
import { type Claim, claimOf, settingsFromJson, type UserContext } from '../services/context'
import { noStore } from './no-store'

/** A caller and the settings JSON its lookup read with it. */
type Resolved = { caller: Caller; settingsJson: string }

async function tokenCaller(c: Context<AppEnv>, authorization: string): Promise<Resolved> {
  const { db, now } = c.var
  const match = /^Bearer\s+(\S+)$/i.exec(authorization)
  if (!match?.[1]) throw new AppError(401, 'unauthenticated', 'authorization: expected "Bearer <token>"')
  const token = await findToken(db, await hashSecret(match[1]))
  if (!token) throw new AppError(401, 'unauthenticated', 'authorization: the token is unknown or revoked')
  if (token.expiresAt !== null && token.expiresAt <= now)
    throw new AppError(401, 'unauthenticated', 'authorization: the token has expired')
  if (token.lastUsedAt === null || now - token.lastUsedAt > sessionTouchMs) await touchToken(db, token.id, now)
  const caller: Caller = {
    userId: token.userId,
    email: token.email,
    name: token.name,
    via: 'token',
    tokenId: token.id,
    scopes: JSON.parse(token.scopes) as string[],
  }
  return { caller, settingsJson: token.settings }
}

async function sessionCaller(c: Context<AppEnv>): Promise<Resolved | null> {
  const { db, now } = c.var
  const claim = readSessionCookie(c, c.var.deps.signingKey)
  if (!claim) return null
  const sessionHash = await hashSecret(claim.secret)
  const session = await findLiveSession(db, sessionHash, claim.userId, now, sessionIdleMs)
  if (!session) return null
  if (now - session.lastSeenAt > sessionTouchMs) await touchSession(db, sessionHash, now)
  const caller: Caller = {
    userId: session.userId,
    email: session.email,
    name: session.name,
    via: 'session',
    sessionHash,
    scopes: 'all',
  }
  return { caller, settingsJson: session.settings }
}

/** Sets `c.var.caller` and, for a signed-in caller, the services' `c.var.user` and `c.var.claim`. */
function setCaller(c: Context<AppEnv>, resolved: Resolved | null) {
  const { db, now } = c.var
  c.set('caller', resolved?.caller ?? null)
  const user = resolved && {
    db,
    now,
    userId: resolved.caller.userId,
    settings: settingsFromJson(resolved.settingsJson),
    settingsJson: resolved.settingsJson,
    sessionHash: resolved.caller.sessionHash,
  }
  c.set('user', user)
  c.set('claim', user && claimOf(user))
}

/** Marks the guard of a route that checks the session in its own first batch. */
const foldsSession = Symbol('foldsSession')

/**
 * Whether the route this request goes to checks the session itself: then a signed session
 * cookie is trusted for its user id here, and only `c.var.claim` is set.
 */
function routeFoldsSession(c: Context<AppEnv>): boolean {
  return matchedRoutes(c).some((route) => foldsSession in route.handler)
}

/**
 * The caller from a signed session cookie, unchecked: `c.var.claim` only (`caller` and `user`
 * stay null, so nothing else can mistake it for a checked caller). The route's first batch
 * checks the session (`confirmCaller`).
 */
async function claimFromCookie(c: Context<AppEnv>): Promise<boolean> {
  const claim = readSessionCookie(c, c.var.deps.signingKey)
  if (!claim) return false
  c.set('claim', { db: c.var.db, now: c.var.now, userId: claim.userId, sessionHash: await hashSecret(claim.secret) })
  return true
}

/**
 * Resolves who is calling the API into `c.var.caller` (or null) and, for a signed-in caller,
 * the services' `c.var.user` (db, clock, user, settings): an `Authorization: Bearer` token
 * first, else the session cookie. A bearer token that is unknown, revoked or expired is a
 * 401, not an anonymous request, so scripts learn at once that their token is dead.
 */
export const resolveCaller = createMiddleware<AppEnv>(async (c, next) => {
  const authorization = c.req.header('authorization')
  if (authorization !== undefined) setCaller(c, await tokenCaller(c, authorization))
  else if (!(routeFoldsSession(c) && (await claimFromCookie(c)))) setCaller(c, await sessionCaller(c))
  await next()
})

/**
 * Resolves who is viewing a page: the browser session only. Pages check no scopes, so a token
 * (of any scope) is refused before it is even looked up; a token with only `progress:read`
 * once read `/teams` and posted every team form (security review, finding 1).
 */
export const resolveSession = createMiddleware<AppEnv>(async (c, next) => {
  // An unknown API path falls through to here with its caller already resolved.
  if (c.req.path.startsWith('/api/')) return next()
  if (c.req.header('authorization') !== undefined)
    throw new AppError(401, 'unauthenticated', 'pages take the browser session only: send API tokens to /api/v1')
  const resolved = await sessionCaller(c)
  setCaller(c, resolved)
  // A signed-in page shows the person's own data (emails in results, settings): never cached.
  return resolved ? noStore(c, next) : next()
})

/** What a handler behind `auth()` or `signedIn` may rely on: `c.var.user` and `c.var.caller` are set. */
export type SignedInEnv = AppEnv & { Variables: { user: UserContext; caller: Caller } }
/** What a handler behind `auth(scope, { foldsSession: true })` may rely on: `c.var.claim` is set. */
export type ClaimedEnv = AppEnv & { Variables: { claim: Claim } }

/** The signed-in caller, or a 401 naming what was missing. */
export function requireCaller(c: { var: { caller: Caller | null } }, scope?: string): Caller {
  const caller = c.var.caller
  if (!caller) throw new AppError(401, 'unauthenticated', 'sign in or send "Authorization: Bearer <token>"')
  if (scope && caller.scopes !== 'all' && !caller.scopes.includes(scope))
    throw new AppError(403, 'missing_scope', `the token lacks the "${scope}" scope`, {
      extra: { scope },
    })
  return caller
}

const security = (scope?: string) => ({
  [uniqueSymbol]: { spec: { security: [{ cookieAuth: [] }, { bearerAuth: scope ? [scope] : [] }] } },
})

/**
 * Route guard: `app.get('/x', auth('review'), handler)`. It also carries the route's security
 * (cookie, or a bearer token with `scope`) into the OpenAPI document that hono-openapi builds.
 *
 * With `{ foldsSession: true }` the handler gets `c.var.claim` and must check the session in its
 * first batch (`callerStatement`, `confirmCaller`): a signed session cookie is not looked up
 * before the route (a bearer token still is: it names no user).
 */
export function auth(scope?: string): MiddlewareHandler<SignedInEnv> & ReturnType<typeof security>
export function auth(
  scope: string | undefined,
  options: { foldsSession: true },
): MiddlewareHandler<ClaimedEnv> & ReturnType<typeof security>
export function auth(
  scope?: string,
  options?: { foldsSession: true },
): (MiddlewareHandler<SignedInEnv> | MiddlewareHandler<ClaimedEnv>) & ReturnType<typeof security> {
  if (!options?.foldsSession)
    return Object.assign(
      createMiddleware<SignedInEnv>(async (c, next) => {
        requireCaller(c, scope)
        await next()
      }),
      security(scope),
    )
  return Object.assign(
    createMiddleware<ClaimedEnv>(async (c, next) => {
      // A claim without a caller is an unchecked session cookie: every scope, checked by the route.
      if (c.var.caller || !c.var.claim) requireCaller(c, scope)
      await next()
    }),
    security(scope),
    { [foldsSession]: true },
  )
}
