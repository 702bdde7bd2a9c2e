/** Requests allowed per window and key. */
export interface RateLimitPolicy {
  limit: number
  windowMs: number
}

/** What a limiter says about one request. `remaining` is unknown to Cloudflare's binding. */
export interface RateLimitDecision {
  allowed: boolean
  remaining?: number
  /** Seconds until the window frees up. */
  resetSeconds: number
}

/**
 * One interface for both runtimes: Node counts in its own memory (`memoryRateLimiter`); on
 * Workers, where each isolate would count alone, Cloudflare's Rate Limiting binding counts
 * across isolates in a location (`bindingRateLimiter`). `hit` counts one request for `key`.
 */
export interface RateLimiter {
  readonly policy: RateLimitPolicy
  hit(key: string, now: number): Promise<RateLimitDecision>
}

/** Builds the limiter for one named policy (see `createRateLimits`). */
export type RateLimiterFactory = (name: RateLimitName, policy: RateLimitPolicy) => RateLimiter

/**
 * The app's limits, each counted on its own:
 * - `address`: every page and API request from one client address, counted before the session
 *   or token is looked up, so a flood of bogus tokens never reaches the database;
 * - `user`: API requests per signed-in user, whichever session or token they come with, so
 *   holding many tokens does not multiply the limit;
 * - `signIn`: sign-in, sign-up and password-reset posts per address, each of which costs a
 *   scrypt derivation.
 */
export type RateLimitName = 'address' | 'user' | 'signIn'
export type RateLimitPolicies = Record<RateLimitName, RateLimitPolicy>

const minute = 60_000

/** The policies from the two settings (`RATE_LIMIT_PER_MINUTE`, `SIGN_IN_RATE_LIMIT_PER_MINUTE`). */
export function rateLimitPolicies(perMinute = 600, signInsPerMinute = 30): RateLimitPolicies {
  return {
    address: { limit: perMinute, windowMs: minute },
    user: { limit: perMinute, windowMs: minute },
    signIn: { limit: signInsPerMinute, windowMs: minute },
  }
}

interface Window {
  count: number
  resetAt: number
}

/** Fixed-window counters in this process's memory (per Node process, or per isolate on Workers). */
export function memoryRateLimiter(policy: RateLimitPolicy): RateLimiter {
  const windows = new Map<string, Window>()
  const sweep = (now: number) => {
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key)
  }
  return {
    policy,
    async hit(key, now) {
      let window = windows.get(key)
      if (!window || window.resetAt <= now) {
        if (windows.size >= 10_000) sweep(now)
        window = { count: 0, resetAt: now + policy.windowMs }
        windows.set(key, window)
      }
      window.count++
      return {
        allowed: window.count <= policy.limit,
        remaining: Math.max(0, policy.limit - window.count),
        resetSeconds: Math.max(0, Math.ceil((window.resetAt - now) / 1000)),
      }
    },
  }
}

/** Cloudflare's Rate Limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/**
 * A limiter on Cloudflare's binding. Its limit and period (10 or 60 s) live in wrangler.toml;
 * `policy` repeats them for the response headers. The binding says neither how many calls remain
 * nor when its window ends, so `Retry-After` is the whole period.
 * @see https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 */
export function bindingRateLimiter(binding: RateLimitBinding, policy: RateLimitPolicy): RateLimiter {
  return {
    policy,
    async hit(key) {
      const { success } = await binding.limit({ key })
      return { allowed: success, resetSeconds: Math.ceil(policy.windowMs / 1000) }
    },
  }
}

export function isRateLimitBinding(value: unknown): value is RateLimitBinding {
  return typeof (value as RateLimitBinding | undefined)?.limit === 'function'
}
