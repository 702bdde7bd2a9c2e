import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { createApp } from './app'
import { ConfigError, nodeEnvSchema, parseEnv } from './config'
import { deckTools } from './content/deck-tools'
import { connectDatabase } from './db/connect'
import { migrateDatabase } from './db/migrate'
import { createDeps } from './deps'
import type { Bindings } from './env'
import { createNodeOptimizer } from './optimizer/node-optimizer'
import { ownDeckPages } from './routes/pages/own-decks'
import { createNodeScrypt } from './security/scrypt-node'
import { localSigningKey } from './security/signing-key-node'
import { syncContent } from './services/content-sync'
import { buildStatic, staticBuilt } from './static/build'
import { staticFolder } from './static/serve-node'

/** Shows where the database is without printing a token that may sit in the URL. */
function describeDatabase(url: string): string {
  return url.startsWith('file:') ? url : url.replace(/\?.*$/, '')
}

function shiftedClock(start: number): () => number {
  const offset = start - Date.now()
  return () => Date.now() + offset
}

async function main() {
  const env = parseEnv(nodeEnvSchema, process.env)
  const started = performance.now()
  const { db, close } = await connectDatabase({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    syncUrl: env.DATABASE_SYNC_URL,
  })
  await migrateDatabase(db)
  // `npm start` builds static/ first; a server started another way (tests, benchmarks) builds it if missing.
  if (!staticBuilt()) await buildStatic()
  const synced = await syncContent(db, env.CONTENT_DIR, Date.now())
  const app = createApp(
    createDeps(process.env, {
      database: () => db,
      clientIp: (_req, nodeEnv) => {
        try {
          return getConnInfo({ env: nodeEnv } as Parameters<typeof getConnInfo>[0]).remote.address ?? 'unknown'
        } catch {
          return 'unknown'
        }
      },
      scrypt: createNodeScrypt(),
      deckTools,
      deckPages: ownDeckPages,
      staticFiles: staticFolder(),
      fsrsOptimizer: createNodeOptimizer(),
      // CLOCK_START (browser tests): the server's clock starts there and runs at real speed.
      clock: env.CLOCK_START === undefined ? Date.now : shiftedClock(env.CLOCK_START),
      signingKey: env.SIGNING_KEY ?? localSigningKey(),
    }),
  )
  // Node compresses its own responses (HTML pages are 10-65 KB); on Workers Cloudflare's edge does,
  // so compression stays out of the Worker bundle.
  const compressed = new Hono<{ Bindings: Bindings }>().use(compress()).all('*', (c) => app.fetch(c.req.raw, c.env))
  const server = serve({ fetch: compressed.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const ms = Math.round(performance.now() - started)
    console.log(
      `dockdeck serving http://${info.address}:${info.port} on ${describeDatabase(env.DATABASE_URL)} ` +
        `(${synced.cards} cards in ${synced.decks} decks, ready in ${ms} ms)`,
    )
  })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`dockdeck: ${signal} received, shutting down`)
    server.close(() => {
      close()
      process.exit(0)
    })
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `dockdeck: ${error.message}` : error)
  process.exit(1)
})
