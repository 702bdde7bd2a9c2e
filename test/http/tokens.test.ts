import { describe, expect, it } from 'vitest'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'

async function createToken(browser: Browser, body: Record<string, unknown> = { name: 'ci script' }) {
  const res = await browser.request('/api/v1/tokens', { method: 'POST', json: body })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; token: string; scopes: string[]; expiresAt: string }
}

function bearer(app: Browser['app'], token: string, path = '/api/v1/auth/logout', method = 'GET') {
  return app.request(path, { method, headers: { authorization: `Bearer ${token}` } })
}

describe('API tokens', () => {
  it('shows the token once, lists it without the secret, and stores only its hash', async () => {
    const { app, db } = await createTestApp()
    const { browser } = await signUp(app)
    const created = await createToken(browser, { name: 'ci script', scopes: ['review'] })
    expect(created.token).toMatch(/^dd_[\w-]{43}$/)
    expect(created.scopes).toEqual(['review'])
    const list = (await (await browser.request('/api/v1/tokens')).json()) as Record<string, unknown>[]
    expect(list).toHaveLength(1)
    expect(JSON.stringify(list)).not.toContain(created.token)
    const rows = await db.query.apiTokens.findMany()
    expect(JSON.stringify(rows)).not.toContain(created.token)
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('authenticates an API request with Authorization: Bearer in place of the cookie', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const { token } = await createToken(browser)
    const res = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(204)
  })

  it('refuses to manage tokens with a token, so a leaked token cannot mint more', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const { token } = await createToken(browser)
    const res = await app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'more' }),
    })
    expect(res.status).toBe(403)
  })

  it('stops accepting a revoked token', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const { id, token } = await createToken(browser)
    expect((await browser.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204)
    const res = await bearer(app, token, '/api/v1/tokens')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'unauthenticated' })
    expect((await browser.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(404)
  })

  it('stops accepting a token after it expires', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock })
    const { browser } = await signUp(app)
    const { token } = await createToken(browser, { name: 'short', expiresInDays: 1 })
    expect(
      (await app.request('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(204)
    clock.advance(86_400_000 + 1)
    const res = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(401)
    expect((await res.json()) as { detail: string }).toMatchObject({ detail: expect.stringContaining('expired') })
  })

  it("cannot revoke another user's token", async () => {
    const { app } = await createTestApp()
    const alice = await signUp(app, 'Alice')
    const bob = await signUp(app, 'Bob')
    const { id, token } = await createToken(alice.browser)
    expect((await bob.browser.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(404)
    expect(
      (await app.request('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(204)
  })

  it('rejects an unknown scope and a malformed Authorization header', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.request('/api/v1/tokens', { method: 'POST', json: { name: 'x', scopes: ['root'] } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ field: 'scopes.0' })
    const bad = await app.request('/api/v1/tokens', { headers: { authorization: 'Basic abc' } })
    expect(bad.status).toBe(401)
  })
})
