import { parseEnv, sharedEnvSchema } from './config'
import type { AppDeps } from './env'
import {
  bindingRateLimiter,
  isRateLimitBinding,
  memoryRateLimiter,
  type RateLimiterFactory,
  type RateLimitName,
  rateLimitPolicies,
} from './security/rate-limiter'

/** What only the runtime knows: how to reach the database, the client's address, the KDF, and (Node) the compiler, static files and the FSRS optimizer. */
export type RuntimeDeps = Pick<
  AppDeps,
  'database' | 'clientIp' | 'scrypt' | 'deckTools' | 'deckPages' | 'staticFiles' | 'fsrsOptimizer'
> &
  Partial<Pick<AppDeps, 'clock' | 'signingKey'>>

/** The wrangler.toml `[[ratelimits]]` binding that counts each policy on Workers. */
export const rateLimitBindings: Record<RateLimitName, 'ADDRESS_RATE_LIMIT' | 'USER_RATE_LIMIT' | 'SIGN_IN_RATE_LIMIT'> =
  {
    address: 'ADDRESS_RATE_LIMIT',
    user: 'USER_RATE_LIMIT',
    signIn: 'SIGN_IN_RATE_LIMIT',
  }

/** Each policy on its Cloudflare binding when `env` has one (Workers), else in the app's memory (Node). */
function rateLimiterFor(env: unknown): RateLimiterFactory {
  return (name, policy) => {
    const binding = (env as Record<string, unknown> | null)?.[rateLimitBindings[name]]
    return isRateLimitBinding(binding) ? bindingRateLimiter(binding, policy) : memoryRateLimiter(policy)
  }
}

/**
 * The one place the settings both entries share become `createApp`'s deps, so the Node server
 * and the Worker cannot disagree about them (the Worker used to ignore both).
 * Throws `ConfigError` naming each bad variable.
 */
export function createDeps(env: unknown, runtime: RuntimeDeps): AppDeps {
  const shared = parseEnv(sharedEnvSchema, env)
  return {
    ...runtime,
    ...(shared.PUBLIC_ORIGIN ? { publicOrigin: new URL(shared.PUBLIC_ORIGIN).origin } : {}),
    rateLimits: rateLimitPolicies(shared.RATE_LIMIT_PER_MINUTE, shared.SIGN_IN_RATE_LIMIT_PER_MINUTE),
    rateLimiter: rateLimiterFor(env),
    defaultDeck: shared.DEFAULT_DECK,
    ...(shared.SIGNING_KEY ? { signingKey: shared.SIGNING_KEY } : {}),
  }
}
