import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

export interface RateLimitOptions {
  /** Requests allowed per window and caller. */
  limit: number
  windowMs: number
}

export const defaultRateLimit: RateLimitOptions = { limit: 600, windowMs: 60_000 }

interface Window {
  count: number
  resetAt: number
}

/** Fixed-window counters in memory: per Node process, or per isolate on Workers. */
export class RateLimitStore {
  readonly #windows = new Map<string, Window>()

  constructor(readonly options: RateLimitOptions) {}

  /** Counts one request for `key` and returns its window after counting. */
  hit(key: string, now: number): Window {
    let window = this.#windows.get(key)
    if (!window || window.resetAt <= now) {
      if (this.#windows.size >= 10_000) this.#sweep(now)
      window = { count: 0, resetAt: now + this.options.windowMs }
      this.#windows.set(key, window)
    }
    window.count++
    return window
  }

  #sweep(now: number) {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key)
  }
}

/** Tokens are limited one by one, browser sessions per user, anonymous calls per address. */
function callerKey(c: Context<AppEnv>): string {
  const caller = c.var.caller
  if (caller?.tokenId) return `token:${caller.tokenId}`
  if (caller) return `user:${caller.userId}`
  return `ip:${c.var.deps.clientIp(c.req.raw, c.env)}`
}

/**
 * Sets the `RateLimit-Policy` and `RateLimit` fields on every response, and answers 429 with
 * `Retry-After` once the window's quota is spent.
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
 */
function limitWith(store: (c: Context<AppEnv>) => RateLimitStore) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const limiter = store(c)
    const { limit, windowMs } = limiter.options
    const now = c.var.now
    const window = limiter.hit(callerKey(c), now)
    const seconds = Math.max(0, Math.ceil((window.resetAt - now) / 1000))
    const headers = {
      'RateLimit-Policy': `"default";q=${limit};w=${Math.ceil(windowMs / 1000)}`,
      RateLimit: `"default";r=${Math.max(0, limit - window.count)};t=${seconds}`,
    }
    if (window.count > limit) {
      throw new AppError(429, 'too_many_requests', `rate limit of ${limit} requests per window exceeded`, {
        headers: { ...headers, 'Retry-After': String(Math.max(1, seconds)) },
        extra: { retryAfter: Math.max(1, seconds) },
      })
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  })
}

/** A limiter with its own store, for mounting with a fixed policy. */
export function createRateLimit(options: RateLimitOptions) {
  const store = new RateLimitStore(options)
  return limitWith(() => store)
}

/** One store per app (its `deps`), so separate apps in one process never share counters. */
const stores = new WeakMap<object, RateLimitStore>()

/** The app's limiter: `deps.rateLimit` or 600 requests a minute. */
export const rateLimit = limitWith((c) => {
  const deps = c.var.deps
  let store = stores.get(deps)
  if (!store) {
    store = new RateLimitStore(deps.rateLimit ?? defaultRateLimit)
    stores.set(deps, store)
  }
  return store
})
