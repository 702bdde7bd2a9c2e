import { createClient } from '@libsql/client/http'
import { drizzle } from 'drizzle-orm/libsql/http'
import { createApp } from './app'
import { ConfigError, parseEnv, workerEnvSchema } from './config'
import { schema } from './db/schema'
import type { Bindings } from './env'
import { AppError } from './errors'

/**
 * Cloudflare Workers entry. The libSQL HTTP client (Turso over HTTPS; the WebSocket transport
 * of the `web` client is left out to keep the bundle small) is built per request from the bindings,
 * never at module scope: an isolate serves many requests and must not share a connection
 * across them. Migrations are applied beforehand with `npm run db:migrate`.
 */
const app = createApp({
  database: (env: Bindings) => {
    let config: ReturnType<typeof parseEnv<typeof workerEnvSchema>>
    try {
      config = parseEnv(workerEnvSchema, env)
    } catch (error) {
      if (error instanceof ConfigError) throw new AppError(503, 'service_unavailable', error.message)
      throw error
    }
    const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN })
    return drizzle(client, { schema })
  },
  clientIp: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown',
})

export default app
