import { dataEntrypoint } from './data-rpc'
import { drizzleOnD1 } from './db/d1'
import type { Db } from './db/index'
import type { Bindings } from './env'
import { AppError } from './errors'
import { createWorker } from './worker-entry'

/**
 * The Worker on Cloudflare D1 (wrangler's `main`; `npm run deploy`, `dev:worker` and the workerd
 * tests): drizzle on the `DB` binding, migrated with `wrangler d1 migrations apply DB`.
 *
 * Turso is the other build, `src/worker-libsql.ts` (`npm run deploy:turso`): each build carries
 * only its own driver (there, our Hrana client `src/db/hrana-http.ts`) in a bundle budgeted at 100 KB.
 * A `DATABASE_URL` secret here means the wrong build was deployed: refused, not ignored.
 */
function database(env: Bindings): Db {
  if (env.DATABASE_URL !== undefined)
    throw new AppError(
      503,
      'service_unavailable',
      'DATABASE_URL is set, but this is the D1 build of the Worker: deploy the Turso build with `npm run deploy:turso`',
    )
  if (!env.DB) throw new AppError(503, 'service_unavailable', 'The D1 binding DB is missing: see wrangler.toml')
  return drizzleOnD1(env.DB)
}

const worker = createWorker(database)

export default { fetch: worker.fetch }
/** `#data` over RPC for the pages Worker (wrangler.web.toml's `DATA` binding). */
export const Data = dataEntrypoint(worker)
