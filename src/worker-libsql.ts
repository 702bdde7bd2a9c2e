import * as libsqlCore from 'drizzle-orm/libsql/driver-core'
import { ConfigError, parseEnv, workerEnvSchema } from './config'
import { dataEntrypoint } from './data-rpc'
import { createHranaClient, type HranaClient } from './db/hrana-http'
import type { Db } from './db/index'
import { schema } from './db/schema'
import type { Bindings } from './env'
import { AppError } from './errors'
import { createWorker } from './worker-entry'

/**
 * drizzle's libSQL database around any client shaped as @libsql/client's. `construct` is what
 * `drizzle-orm/libsql/http` wraps, minus its import of `@libsql/client/http`; drizzle exports it
 * from `driver-core` but leaves it out of the typings, hence the cast.
 */
const { construct } = libsqlCore as unknown as {
  construct(client: HranaClient, config: { schema: typeof schema }): Db
}

/**
 * The Worker on libSQL / Turso over HTTP (`npm run deploy:turso`, which builds this file instead
 * of wrangler's `main`): `DATABASE_URL` and `DATABASE_AUTH_TOKEN` are secrets. Its client is our
 * own Hrana-over-HTTP one (`src/db/hrana-http.ts`, docs/deploy.md), not `@libsql/client`, to keep
 * the bundle small. Migrations and content: `npm run db:migrate` / `content:sync` against Turso.
 */
function database(env: Bindings): Db {
  let config: ReturnType<typeof parseEnv<typeof workerEnvSchema>>
  try {
    config = parseEnv(workerEnvSchema, env)
  } catch (error) {
    if (error instanceof ConfigError) throw new AppError(503, 'service_unavailable', error.message)
    throw error
  }
  const client = createHranaClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN })
  return construct(client, { schema })
}

const worker = createWorker(database)

export default { fetch: worker.fetch }
/** `#data` over RPC for the pages Worker (wrangler.web.toml's `DATA` binding). */
export const Data = dataEntrypoint(worker)
