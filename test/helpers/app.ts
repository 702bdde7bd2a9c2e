import { createApp } from '../../src/app'
import { deckTools } from '../../src/content/deck-tools'
import type { Db } from '../../src/db/index'
import type { AppDeps } from '../../src/env'
import { createNodeOptimizer } from '../../src/optimizer/node-optimizer'
import { ownDeckPages } from '../../src/routes/pages/own-decks'
import { staticFolder } from '../../src/static/serve-node'
import { createTestDb } from './db'

/** Cheap KDF parameters for tests; the production default is asserted in its own test. */
export const testPasswordParams = { logN: 4, r: 8, p: 1 }

export interface TestClock {
  now: number
  advance(ms: number): void
}

export function createClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)): TestClock {
  return {
    now: start,
    advance(ms) {
      this.now += ms
    },
  }
}

/** The real app on a real migrated libSQL database, with an injected clock. */
export async function createTestApp(options: { clock?: TestClock; ip?: string; deps?: Partial<AppDeps> } = {}) {
  const { db, url } = await createTestDb()
  const clock = options.clock ?? createClock()
  const app = createApp({
    database: () => db,
    clock: () => clock.now,
    clientIp: (req) => req.headers.get('x-test-ip') ?? options.ip ?? '203.0.113.7',
    passwordParams: testPasswordParams,
    deckTools,
    deckPages: ownDeckPages,
    staticFiles: staticFolder(),
    fsrsOptimizer: createNodeOptimizer(),
    ...options.deps,
  })
  return { app, db, url, clock }
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** A tiny cookie jar: keeps the cookies a response sets, sends them on the next request. */
/** What a `Browser` sends its requests to: the app in process, or a real server over fetch. */
export interface RequestTarget {
  request(url: string, init: RequestInit): Response | Promise<Response>
}

export class Browser {
  readonly cookies = new Map<string, string>()
  constructor(
    readonly app: RequestTarget,
    readonly origin = 'http://127.0.0.1:8787',
  ) {}

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    let body = init.body
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(init.json)
    }
    const res = await this.app.request(`${this.origin}${path}`, { ...init, headers, body })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...rest] = (pair ?? '').split('=')
      if (!name) continue
      const value = rest.join('=')
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return res
  }

  /** Posts a form with the CSRF token from the cookie, as the page's hidden field would. */
  async submit(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    if (![...this.cookies.keys()].some((k) => k.endsWith('dockdeck_csrf'))) await (await this.request('/signin')).text()
    const csrf = [...this.cookies].find(([k]) => k.endsWith('dockdeck_csrf'))?.[1] ?? ''
    const body = new URLSearchParams({ _csrf: csrf })
    // A list is a field sent once per value, as checkboxes of one name are.
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one)
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: body.toString(),
    })
  }
}

let counter = 0
/** Registers a fresh user through the API and returns a browser signed in as them. */
export async function signUp(app: TestApp['app'], name = 'Ada') {
  const browser = new Browser(app)
  const email = `user${++counter}-${Date.now()}@example.com`
  const res = await browser.request('/api/v1/auth/register', {
    method: 'POST',
    json: { email, password: 'correct horse battery staple', name },
  })
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`)
  const { id } = (await res.json()) as { id: string }
  return { browser, email, password: 'correct horse battery staple', userId: id }
}

export type { Db }
