import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { localSigningKey } from '../security/signing-key-node'
import { buildStatic } from '../static/build'
import { prepareLocalD1, wranglerBin } from './local-d1'

/**
 * `npm run dev:worker`: the Worker in workerd on the local D1 database, migrated by wrangler
 * and with the decks under `content/` synced, at http://127.0.0.1:$PORT (default 8788).
 * `static/` is built first (Static Assets). State lives in `.wrangler/state`, so reviews survive a restart.
 */
const port = process.env.PORT ?? '8788'
const persistTo = process.env.WRANGLER_PERSIST_TO ?? '.wrangler/state'
await buildStatic()
const synced = await prepareLocalD1(persistTo, process.env.CONTENT_DIR ?? 'content')
console.log(`dockdeck: local D1 migrated, ${synced.cards} cards in ${synced.decks} decks synced`)
// The Worker's SIGNING_KEY (a secret when deployed): generated once beside the local database and
// handed over in an env file, never on the command line, where other users could read it.
const envFile = join(persistTo, 'signing.env')
writeFileSync(envFile, `SIGNING_KEY=${localSigningKey(join(persistTo, 'signing-key'))}\n`, { mode: 0o600 })
const child = spawn(
  process.execPath,
  [wranglerBin(), 'dev', '--ip', '127.0.0.1', '--port', port, '--persist-to', persistTo, '--env-file', envFile],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
