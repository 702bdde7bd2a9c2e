import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startNodeServer } from '../helpers/node-server'

export interface Server {
  origin: string
  dbUrl: string
  stop: () => Promise<void>
}

/** Starts `src/node.ts` on a fresh database file and a free port, as `npm start` would. */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'dockdeck-e2e-'))
  const dbPath = join(dir, 'e2e.db')
  const running = await startNodeServer(dbPath, env)
  return {
    origin: running.origin,
    dbUrl: `file:${dbPath}`,
    stop: async () => {
      if (running.child.exitCode === null) {
        running.child.kill('SIGTERM')
        await running.exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium`)
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; timezoneId?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1000, height: 800 },
    // The zone the page's Intl reports (timezone.js); the server's clock and zone are not affected.
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  })
}

export function screenshotPath(name: string): string {
  mkdirSync('test-results', { recursive: true })
  return join('test-results', name)
}

/**
 * The server and the browser of one test file: started before its tests, stopped after.
 * Read `env.server` and `env.browser` inside tests (they are set once `beforeAll` has run).
 */
export function useServerAndBrowser(serverEnv: Record<string, string> = {}): { server: Server; browser: Browser } {
  const env = {} as { server: Server; browser: Browser }
  beforeAll(async () => {
    env.server = await startServer(serverEnv)
    env.browser = await launchBrowser()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}
