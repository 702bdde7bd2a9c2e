import type { ExecutionContext } from 'hono'
import { type App, createApp } from './app'
import { ConfigError } from './config'
import type { Db } from './db/index'
import { createDeps } from './deps'
import type { Bindings } from './env'

/**
 * What both Worker builds share (`src/worker.ts` on D1, `src/worker-libsql.ts` on Turso): each
 * passes only how it opens the database for one request, never at module scope (an isolate
 * serves many requests and must not share a connection across them).
 *
 * Bindings reach a Worker only with a request, so the app is built on the first one, from the
 * same `createDeps` as the Node server (PUBLIC_ORIGIN, RATE_LIMIT_PER_MINUTE), and kept for the
 * isolate's life.
 */
/**
 * A Worker needs the one signing key every isolate shares: a key of its own per isolate would
 * sign cookies the next isolate refuses.
 */
function workerDeps(env: Bindings, database: (env: Bindings) => Db) {
  const deps = createDeps(env, { database, clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown' })
  if (!deps.signingKey)
    throw new ConfigError('SIGNING_KEY is not set: run `npx wrangler secret put SIGNING_KEY` (docs/deploy.md)')
  return deps
}

export function createWorker(database: (env: Bindings) => Db) {
  let app: App | undefined
  return {
    fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
      try {
        app ??= createApp(workerDeps(env, database))
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: error.message }
        return Response.json(problem, { status: 503, headers: { 'content-type': 'application/problem+json' } })
      }
      return app.fetch(request, env, ctx)
    },
  }
}
