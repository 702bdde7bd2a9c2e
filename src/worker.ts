import { createClient } from '@libsql/client/http'
import { drizzle } from 'drizzle-orm/libsql/http'
import type { ExecutionContext } from 'hono'
import { type App, createApp } from './app'
import { ConfigError, parseEnv, workerEnvSchema } from './config'
import { drizzleOnD1 } from './db/d1'
import type { Db } from './db/index'
import { schema } from './db/schema'
import { createDeps } from './deps'
import type { Bindings } from './env'
import { AppError } from './errors'

/**
 * The Worker's database for one request, never built at module scope: an isolate serves many
 * requests and must not share a connection across them.
 *
 * - `DATABASE_URL` set: libSQL (Turso) over HTTP; the WebSocket transport of the `web` client
 *   is left out to keep the bundle small. Migrations: `npm run db:migrate` against Turso.
 * - otherwise the `DB` binding: Cloudflare D1, the same drizzle schema and queries (D1's
 *   `batch` is one transaction too). Migrations: `wrangler d1 migrations apply DB`.
 */
function database(env: Bindings): Db {
  if (env.DATABASE_URL === undefined && env.DB) return drizzleOnD1(env.DB)
  let config: ReturnType<typeof parseEnv<typeof workerEnvSchema>>
  try {
    config = parseEnv(workerEnvSchema, env)
  } catch (error) {
    if (error instanceof ConfigError) throw new AppError(503, 'service_unavailable', error.message)
    throw error
  }
  const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN })
  return drizzle(client, { schema })
}

/**
 * Bindings reach a Worker only with a request, so the app is built on the first one, from the
 * same `createDeps` as the Node server (PUBLIC_ORIGIN, RATE_LIMIT_PER_MINUTE), and kept for the
 * isolate's life: the rate limiter's counters live in it.
 */
let app: App | undefined

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    try {
      app ??= createApp(
        createDeps(env, { database, clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown' }),
      )
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: error.message }
      return Response.json(problem, { status: 503, headers: { 'content-type': 'application/problem+json' } })
    }
    return app.fetch(request, env, ctx)
  },
}
