import { and, count, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { apiTokens } from '../../src/db/schema'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { barrier, gatedApp } from '../helpers/interleave'

/**
 * Finding 8 (low): a user could hold any number of API tokens. At most 20 are active at once;
 * the 21st is a 422 naming the limit, on the API and on the account page.
 */
const create = (browser: Awaited<ReturnType<typeof signUp>>['browser'], name: string, expiresInDays = 90) =>
  browser.request('/api/v1/tokens', { method: 'POST', json: { name, scopes: ['review'], expiresInDays } })

describe('finding 8: at most 20 active API tokens per user', () => {
  it('refuses the 21st token with a 422 problem naming the limit, and the account page says so', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    for (let i = 1; i <= 20; i++) expect((await create(browser, `t${i}`)).status, `token ${i}`).toBe(201)
    const refused = await create(browser, 't21')
    expect(refused.status).toBe(422)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(await refused.json()).toMatchObject({
      code: 'limit_exceeded',
      limit: 20,
      detail: 'you already have 20 active API tokens, the most allowed: revoke one to create another',
    })

    const page = await browser.request('/account')
    const html = await page.text()
    expect(html).toContain('You may hold up to 20 active tokens at once; you hold 20.')
    expect(html).toContain('You hold 20 active tokens, the most allowed: revoke one to create another.')
    const form = await browser.submit('/account/tokens', { name: 't21', scopes: 'review', expiresInDays: '90' })
    expect(form.status).toBe(422)
    expect(await form.text()).toContain('You already have 20 active API tokens, the most allowed')

    // Revoking one frees its place.
    const [first] = (await (await browser.request('/api/v1/tokens')).json()) as { id: string }[]
    expect((await browser.request(`/api/v1/tokens/${first?.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await create(browser, 't21')).status).toBe(201)
  })

  it('counts only active tokens: an expired one frees its place', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock })
    const { browser } = await signUp(app)
    expect((await create(browser, 'short', 1)).status).toBe(201)
    for (let i = 2; i <= 20; i++) expect((await create(browser, `t${i}`)).status).toBe(201)
    expect((await create(browser, 'one too many')).status).toBe(422)
    clock.advance(2 * 24 * 60 * 60 * 1000)
    expect((await create(browser, 'after expiry')).status).toBe(201)
  })

  it('creates only one of two tokens racing for the last place from two connections', async () => {
    const { app, url, clock, db } = await createTestApp()
    const { browser, userId } = await signUp(app)
    for (let i = 1; i <= 19; i++) expect((await create(browser, `t${i}`)).status).toBe(201)
    // Each request is held at its insert until the other has reached its own: a count read
    // apart from the insert would let both see 19 and write 21 tokens.
    const bothAtInsert = barrier(2)
    const gate = (statements: string[]) =>
      statements.some((sql) => /insert into "?api_tokens/i.test(sql)) ? bothAtInsert() : undefined
    const [first, second] = [await gatedApp(url, clock, gate), await gatedApp(url, clock, gate)]
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const post = (target: typeof first, name: string) =>
      target.app.request('http://127.0.0.1:8787/api/v1/tokens', {
        method: 'POST',
        headers: { cookie, origin: 'http://127.0.0.1:8787', 'content-type': 'application/json' },
        body: JSON.stringify({ name, scopes: ['review'] }),
      })
    const statuses = (await Promise.all([post(first, 'a'), post(second, 'b')])).map((res) => res.status).sort()
    expect(statuses).toEqual([201, 422])
    const [row] = await db
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    expect(row?.n).toBe(20)
    first.client.close()
    second.client.close()
  })
})
