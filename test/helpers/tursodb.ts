import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * `tursodb --sync-server` from the `turso` npm package (turso 0.6.0): the one libSQL server
 * installable here, serving Hrana over HTTP on `/v2/pipeline`. Its binary ships inside
 * `@tursodatabase/cli-linux-x64-gnu` (nothing is downloaded), so tests skip where it is absent.
 */
export const tursodbBinary = join('node_modules', '@tursodatabase', 'cli-linux-x64-gnu', 'tursodb')
export const hasTursodb = existsSync(tursodbBinary)

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface Tursodb {
  /** `http://127.0.0.1:<port>`: the database URL of the server. */
  url: string
  /** What the server printed (RUST_LOG=info: each request's method and path). */
  log: () => string
  stop: () => void
}

/**
 * A temp database migrated by the project's migrations, with the decks of `contentDir` synced
 * into it by the project's content sync (both on the file with @libsql/client, in
 * `tursodb-prepare.ts`: tursodb 0.6.0 cannot run them itself, it has no FTS5 for the card search
 * table of migration 0009 and its triggers, which that script then drops), then served by
 * tursodb on a free port.
 */
export async function startTursodb(contentDir?: string): Promise<Tursodb> {
  const dir = mkdtempSync(join(tmpdir(), 'dockdeck-tursodb-'))
  const file = join(dir, 'server.db')
  const prepare = [join('test', 'helpers', 'tursodb-prepare.ts'), file, ...(contentDir ? [contentDir] : [])]
  await promisify(execFile)(process.execPath, ['--import', 'tsx', ...prepare])
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const child: ChildProcess = spawn(tursodbBinary, [file, '--sync-server', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'info' },
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  const stop = () => {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
  // Ready once it accepts a connection.
  for (let i = 0; i < 100; i++) {
    const up = await fetch(url).then(
      () => true,
      () => false,
    )
    if (up) return { url, log: () => log, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  stop()
  throw new Error(`tursodb did not start:\n${log}`)
}
