import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { localSigningKey } from '../security/signing-key-node'
import { buildStatic } from '../static/build'
import { prepareLocalD1, wranglerBin } from './local-d1'

/**
 * `npm run dev:worker`: both Workers in workerd, each in its own `wrangler dev`, connected as
 * deployed (docs/architecture.md, "Two Workers"): the pages Worker (wrangler.web.toml) at
 * http://127.0.0.1:$PORT (default 8788), and the data Worker (wrangler.toml) at $PORT + 1 on the
 * local D1 database, migrated by wrangler and with the decks under `content/` synced. The pages
 * Worker reaches the data Worker's `Data` entrypoint through wrangler's dev registry, kept beside
 * the state so that two of these never connect to each other's Workers. `static/` is built first
 * (Static Assets). State lives in `.wrangler/state`, so reviews survive a restart.
 */
const port = Number(process.env.PORT ?? '8788')
const persistTo = resolve(process.env.WRANGLER_PERSIST_TO ?? '.wrangler/state')
await buildStatic()
const synced = await prepareLocalD1(persistTo, process.env.CONTENT_DIR ?? 'content')
console.log(`dockdeck: local D1 migrated, ${synced.cards} cards in ${synced.decks} decks synced`)
// The Workers' SIGNING_KEY (a secret when deployed): generated once beside the local database and
// handed over in an env file, never on the command line, where other users could read it.
const envFile = join(persistTo, 'signing.env')
writeFileSync(envFile, `SIGNING_KEY=${localSigningKey(join(persistTo, 'signing-key'))}\n`, { mode: 0o600 })
const env = { ...process.env, WRANGLER_REGISTRY_PATH: join(persistTo, 'registry') }

function wranglerDev(config: string, workerPort: number, state: string): ChildProcess {
  const args = ['dev', '-c', config, '--ip', '127.0.0.1', '--port', String(workerPort)]
  args.push('--inspector-port', String(workerPort + 1000), '--persist-to', state, '--env-file', envFile)
  return spawn(process.execPath, [wranglerBin(), ...args], { stdio: 'inherit', env })
}

const children = [
  wranglerDev('wrangler.toml', port + 1, persistTo),
  wranglerDev('wrangler.web.toml', port, join(persistTo, 'web')),
]
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
  })
for (const child of children)
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM')
    process.exit(code ?? 0)
  })
