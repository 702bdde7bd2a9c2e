import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../env'
import { AppError } from '../errors'
import { memoryRateLimiter, type RateLimiter, type RateLimitName, rateLimitPolicies } from '../security/rate-limiter'

/** The app's limiters, one per policy, built once by `createApp`. */
export type RateLimits = Record<RateLimitName, RateLimiter>

/**
 * The one rate-limiter factory: each policy (`deps.rateLimits`, default 600 requests a minute
 * per address and per user, 30 sign-ins) becomes a limiter through `deps.rateLimiter` (the
 * Workers binding where `createDeps` found one), else in this app's memory. Two apps in one
 * process never share counters.
 */
export function createRateLimits(deps: Pick<AppDeps, 'rateLimits' | 'rateLimiter'>): RateLimits {
  const policies = { ...rateLimitPolicies(), ...deps.rateLimits }
  const build = deps.rateLimiter ?? ((_name, policy) => memoryRateLimiter(policy))
  return {
    address: build('address', policies.address),
    user: build('user', policies.user),
    signIn: build('signIn', policies.signIn),
  }
}

/** How a limit names itself in the `RateLimit` fields. */
const fieldNames: Record<RateLimitName, string> = { address: 'address', user: 'user', signIn: 'sign-in' }

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`
}

/**
 * Counts the request under `key(c)` (none: not counted here), answers 429 with `Retry-After`
 * once the window's quota is spent, and sets the `RateLimit-Policy` and `RateLimit` fields of
 * the most specific limit the request passed (an inner limit's fields win).
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
 */
export function limitBy(
  limiter: RateLimiter,
  name: RateLimitName,
  key: (c: Context<AppEnv>) => string | undefined,
): MiddlewareHandler<AppEnv> {
  const { limit, windowMs } = limiter.policy
  const field = fieldNames[name]
  const policy = `"${field}";q=${limit};w=${Math.ceil(windowMs / 1000)}`
  return async (c, next) => {
    const counted = key(c)
    if (counted === undefined) return next()
    const decision = await limiter.hit(`${name}:${counted}`, c.var.now)
    const headers: Record<string, string> = { 'RateLimit-Policy': policy }
    if (decision.remaining !== undefined)
      headers.RateLimit = `"${field}";r=${decision.remaining};t=${decision.resetSeconds}`
    if (!decision.allowed) {
      const retryAfter = Math.max(1, decision.resetSeconds)
      throw new AppError(
        429,
        'too_many_requests',
        `too many requests (over ${limit} in ${seconds(windowMs / 1000)}): try again in ${seconds(retryAfter)}`,
        { headers: { ...headers, 'Retry-After': String(retryAfter) }, extra: { retryAfter, limit: field } },
      )
    }
    await next()
    if (c.res.headers.has('RateLimit-Policy')) return
    for (const [header, value] of Object.entries(headers)) c.res.headers.set(header, value)
  }
}

/** The client's address as the runtime reports it. */
export const clientAddress = (c: Context<AppEnv>) => c.var.deps.clientIp(c.req.raw, c.env)

/** API calls count per signed-in user, whatever session or token they come with. */
export const signedInUser = (c: Context<AppEnv>) => c.var.claim?.userId
