import type { ExecutionContext } from 'hono'
import { type App, buildApp, resolveDeps } from './app-base'
import { ConfigError } from './config'
import type { Db } from './db/index'
import { createDeps } from './deps'
import type { Bindings, ResolvedDeps } from './env'
import { problemResponse } from './errors'
import { apiPart } from './routes/api'
import { healthRoutes } from './routes/health'
import { unavailable } from './worker-unavailable'

/**
 * The data Worker, what both its builds share (`src/worker.ts` on D1, `src/worker-libsql.ts` on
 * Turso): `/api/v1`, `/healthz`, and `#data` for the pages Worker over RPC (`src/data-rpc.ts`).
 * Each build passes only how it opens the database for one request, never at module scope (an
 * isolate serves many requests and must not share a connection across them).
 *
 * Bindings reach a Worker only with a request, so the deps and the app are built on the first
 * one, from the same `createDeps` as the Node server (PUBLIC_ORIGIN, RATE_LIMIT_PER_MINUTE), and
 * kept for the isolate's life.
 */
export function createWorker(database: (env: Bindings) => Db) {
  let deps: ResolvedDeps | undefined
  let app: App | undefined

  /** The isolate's deps, or the 503 saying what configuration is missing. */
  function depsFor(env: Bindings): ResolvedDeps | Response {
    // Checked on every request, not only when the deps are built: every isolate must sign with
    // the one shared key (a key of its own would sign cookies the next isolate refuses).
    if (!env.SIGNING_KEY)
      return unavailable('SIGNING_KEY is not set: run `npx wrangler secret put SIGNING_KEY` (docs/deploy.md)')
    try {
      deps ??= resolveDeps(
        createDeps(env, { database, clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown' }),
      )
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      return unavailable(error.message)
    }
    return deps
  }

  return {
    depsFor,
    fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
      const resolved = depsFor(env)
      if (resolved instanceof Response) return resolved
      app ??= buildApp(resolved, {
        health: healthRoutes,
        api: apiPart,
        // Its errors are problem+json always: the HTML error pages are the pages Worker's.
        renderError: problemResponse,
      })
      return app.fetch(request, env, ctx)
    },
  }
}
