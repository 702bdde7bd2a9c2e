import { parseEnv, sharedEnvSchema } from './config'
import type { AppDeps } from './env'

/** What only the runtime knows: how to reach the database, the client's address, the KDF, and (Node) the compiler, static files and the FSRS optimizer. */
export type RuntimeDeps = Pick<
  AppDeps,
  'database' | 'clientIp' | 'scrypt' | 'deckTools' | 'staticFiles' | 'fsrsOptimizer'
> &
  Partial<Pick<AppDeps, 'clock'>>

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
    rateLimit: { limit: shared.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
  }
}
