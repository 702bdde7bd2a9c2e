import { createClient } from '@libsql/client/http'
import { drizzle } from 'drizzle-orm/libsql/http'
import { ConfigError, parseEnv, workerEnvSchema } from './config'
import { dataEntrypoint } from './data-rpc'
import type { Db } from './db/index'
import { schema } from './db/schema'
import type { Bindings } from './env'
import { AppError } from './errors'
import { createWorker } from './worker-entry'

/**
 * The Worker on libSQL / Turso over HTTP (`npm run deploy:turso`, which builds this file instead
 * of wrangler's `main`): `DATABASE_URL` and `DATABASE_AUTH_TOKEN` are secrets. The WebSocket
 * transport of the `web` client is left out to keep the bundle small. Migrations and content:
 * `npm run db:migrate` / `content:sync` against Turso.
 */
function database(env: Bindings): Db {
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

const worker = createWorker(database)

export default { fetch: worker.fetch }
/** `#data` over RPC for the pages Worker (wrangler.web.toml's `DATA` binding). */
export const Data = dataEntrypoint(worker)
