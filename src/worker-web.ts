import type { ExecutionContext } from 'hono'
import { type App, buildApp, resolveDeps } from './app-base'
import { ConfigError } from './config'
import { createDeps } from './deps'
import type { Bindings } from './env'
import { mountPages } from './routes/pages'
import { renderError } from './views/render-error'
import { remoteDatabase } from './web/remote'
import { unavailable } from './worker-unavailable'

/** What the data Worker answers itself: the API and the health check, forwarded as they came. */
const dataPath = /^\/(api(\/|$)|healthz$)/

/**
 * The pages Worker (wrangler.web.toml): the HTML pages, with Static Assets in front. It has no
 * database driver and no service: every page's `#data` call runs in the data Worker
 * (`src/worker.ts` or `src/worker-libsql.ts`) over the `DATA` service binding, and API and
 * health requests are forwarded there whole, before this Worker's middleware (so nothing is
 * counted twice against a rate limit). docs/architecture.md, "Two Workers".
 */
let app: App | undefined

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    if (!env.DATA) return unavailable('the DATA service binding is missing: see wrangler.web.toml (docs/deploy.md)')
    if (dataPath.test(new URL(request.url).pathname)) return env.DATA.fetch(request)
    if (!env.SIGNING_KEY)
      return unavailable(
        'SIGNING_KEY is not set: run `npx wrangler secret put SIGNING_KEY -c wrangler.web.toml` (docs/deploy.md)',
      )
    try {
      app ??= buildApp(
        resolveDeps(
          createDeps(env, {
            database: (bindings, deps) => remoteDatabase(bindings.DATA, deps),
            clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown',
          }),
        ),
        { pages: mountPages, renderError },
      )
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      return unavailable(error.message)
    }
    return app.fetch(request, env, ctx)
  },
}
