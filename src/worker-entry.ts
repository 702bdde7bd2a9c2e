import type { ExecutionContext } from 'hono'
import { type App, createApp } from './app'
import { ConfigError } from './config'
import type { Db } from './db/index'
import { createDeps } from './deps'
import type { Bindings } from './env'

/** Why a Worker cannot serve yet, as the 503 every request gets until it is configured. */
function unavailable(message: string): Response {
  const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: message }
  return Response.json(problem, { status: 503, headers: { 'content-type': 'application/problem+json' } })
}

/**
 * What both Worker builds share (`src/worker.ts` on D1, `src/worker-libsql.ts` on Turso): each
 * passes only how it opens the database for one request, never at module scope (an isolate
 * serves many requests and must not share a connection across them).
 *
 * Bindings reach a Worker only with a request, so the app is built on the first one, from the
 * same `createDeps` as the Node server (PUBLIC_ORIGIN, RATE_LIMIT_PER_MINUTE), and kept for the
 * isolate's life.
 */
export function createWorker(database: (env: Bindings) => Db) {
  let app: App | undefined
  return {
    fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
      // Checked on every request, not only when the app is built: every isolate must sign with the
      // one shared key (a key of its own would sign cookies the next isolate refuses).
      if (!env.SIGNING_KEY)
        return unavailable('SIGNING_KEY is not set: run `npx wrangler secret put SIGNING_KEY` (docs/deploy.md)')
      try {
        app ??= createApp(
          createDeps(env, { database, clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown' }),
        )
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        return unavailable(error.message)
      }
      return app.fetch(request, env, ctx)
    },
  }
}
