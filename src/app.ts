import { buildApp, resolveDeps } from './app-base'
import type { AppDeps } from './env'
import { apiPart } from './routes/api'
import { healthRoutes } from './routes/health'
import { mountPages } from './routes/pages'
import { renderError } from './views/render-error'

export { maxBodyBytes } from './app-base'

/**
 * Builds the whole app: the API, the pages and `/healthz` (the Node server and the tests). It
 * imports no runtime-specific driver: the runtime entry passes the database factory in `deps`,
 * so the same app runs on Node and, split in two Workers (`src/worker-web.ts` for the pages,
 * `src/worker.ts` for the API and the data), on Cloudflare Workers.
 */
export function createApp(deps: AppDeps) {
  return buildApp(resolveDeps(deps), { health: healthRoutes, api: apiPart, pages: mountPages, renderError })
}

export type App = ReturnType<typeof createApp>
