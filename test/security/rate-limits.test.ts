import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { describe, expect, it } from 'vitest'
import { recordingClient } from '../../bench/lib/recording-client'
import { schema } from '../../src/db/schema'
import { rateLimitPolicies } from '../../src/security/rate-limiter'
import { Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { createTestDb } from '../helpers/db'

/**
 * Finding 4 (medium, the rest) and finding 8 (low): pages and sign-in posts had no limit, every
 * bogus bearer token cost a database lookup, and the API limit was per token, so N tokens
 * multiplied it. Limits now run per address before anything is looked up, sign-ins have their
 * own, and the API counts per user.
 */
const minute = 60_000

describe('finding 4: rate limits per address, before the database', () => {
  it('refuses a flood of bogus bearer tokens past the per-address limit without one database statement', async () => {
    const { url } = await createTestDb()
    const recorder = recordingClient(createClient({ url }))
    const recorded = drizzle(recorder.client, { schema })
    const address = { limit: 5, windowMs: minute }
    const { app } = await createTestApp({ deps: { database: () => recorded, rateLimits: { address } } })
    const bogus = (i: number) =>
      app.request('/api/v1/progress', {
        headers: { authorization: `Bearer dd_bogus${i}`, 'x-test-ip': '198.51.100.66' },
      })

    recorder.mark()
    for (let i = 0; i < 5; i++) expect((await bogus(i)).status).toBe(401)
    const looked = recorder.groups.at(-1)?.length ?? 0
    expect(looked, 'each token within the limit is looked up').toBe(5)

    recorder.mark()
    const flood = await Promise.all(Array.from({ length: 50 }, (_, i) => bogus(100 + i)))
    expect(flood.map((res) => res.status)).toEqual(Array(50).fill(429))
    expect(recorder.groups.at(-1), 'no statement for the 50 tokens past the limit').toEqual([])
    const refused = flood[0]
    expect(refused?.headers.get('retry-after')).toBe('60')
    expect(refused?.headers.get('ratelimit-policy')).toBe('"address";q=5;w=60')
    expect(await refused?.json()).toMatchObject({ status: 429, code: 'too_many_requests', limit: 'address' })

    // Another address is counted apart.
    const other = await app.request('/api/v1/progress', {
      headers: { authorization: 'Bearer dd_x', 'x-test-ip': '192.0.2.1' },
    })
    expect(other.status).toBe(401)
  })

  it('limits pages per address, and answers a page with Retry-After and when to come back', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock, deps: { rateLimits: { address: { limit: 3, windowMs: minute } } } })
    const page = (ip: string) => app.request('/signin', { headers: { 'x-test-ip': ip } })
    for (let i = 0; i < 3; i++) expect((await page('198.51.100.7')).status).toBe(200)
    clock.advance(20_000)
    const limited = await page('198.51.100.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('40')
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await limited.text()).toContain('try again in 40 seconds')
    expect((await page('198.51.100.8')).status).toBe(200)
    clock.advance(40_000)
    expect((await page('198.51.100.7')).status).toBe(200)
  })

  it('limits sign-in and sign-up posts per address, pages and API alike', async () => {
    const { app } = await createTestApp({ deps: { rateLimits: { signIn: { limit: 3, windowMs: minute } } } })
    const browser = new Browser(app)
    const attempts = [
      () => browser.submit('/signin', { email: 'a@example.com', password: 'wrong password here' }),
      () => browser.submit('/signup', { email: 'b@example.com', password: 'short' }),
      () =>
        browser.request('/api/v1/auth/login', {
          method: 'POST',
          json: { email: 'a@example.com', password: 'wrong password here' },
        }),
    ]
    for (const attempt of attempts) expect((await attempt()).status).toBeLessThan(429)
    for (const attempt of attempts) {
      const res = await attempt()
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('60')
      expect(res.headers.get('ratelimit-policy')).toBe('"sign-in";q=3;w=60')
    }
    // Other pages from the same address, and sign-ins from another, go on.
    expect((await browser.request('/help')).status).toBe(200)
    const elsewhere = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-ip': '192.0.2.9' },
      body: JSON.stringify({ email: 'a@example.com', password: 'wrong password here' }),
    })
    expect(elsewhere.status).toBe(401)
  })

  it('allows 600 requests a minute per address and per user, and 30 sign-ins, by default', () => {
    expect(rateLimitPolicies()).toEqual({
      address: { limit: 600, windowMs: minute },
      user: { limit: 600, windowMs: minute },
      signIn: { limit: 30, windowMs: minute },
    })
  })
})

describe('finding 8: the API limit is per user, not per token', () => {
  async function tokenFor(browser: Browser, name: string) {
    const res = await browser.request('/api/v1/tokens', { method: 'POST', json: { name, scopes: ['teams:read'] } })
    return ((await res.json()) as { token: string }).token
  }

  it('counts every token and the session of one user against one limit, with RateLimit fields', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock, deps: { rateLimits: { user: { limit: 5, windowMs: minute } } } })
    const { browser } = await signUp(app)
    const tokens = [await tokenFor(browser, 'a'), await tokenFor(browser, 'b'), await tokenFor(browser, 'c')]
    const get = (token: string) => app.request('/api/v1/teams', { headers: { authorization: `Bearer ${token}` } })
    // The three token creations were this user's first three API calls (sign-up is anonymous).
    const first = await get(tokens[0] as string)
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-policy')).toBe('"user";q=5;w=60')
    expect(first.headers.get('ratelimit')).toBe('"user";r=1;t=60')
    expect((await get(tokens[1] as string)).status).toBe(200)
    clock.advance(15_000)
    const limited = await get(tokens[2] as string)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('45')
    expect(limited.headers.get('ratelimit')).toBe('"user";r=0;t=45')
    expect(await limited.json()).toMatchObject({ code: 'too_many_requests', limit: 'user', retryAfter: 45 })
    expect((await browser.request('/api/v1/teams')).status).toBe(429)

    // Another user is not held back, and the first is let in again once the window ends.
    const other = await signUp(app)
    expect((await other.browser.request('/api/v1/teams')).status).toBe(200)
    clock.advance(45_000)
    expect((await get(tokens[2] as string)).status).toBe(200)
  })
})
