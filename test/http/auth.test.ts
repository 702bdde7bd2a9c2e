import { describe, expect, it } from 'vitest'
import { sessionAbsoluteMs, sessionIdleMs } from '../../src/auth/session-policy'
import { Browser, createClock, createTestApp, signUp } from '../helpers/app'

const password = 'correct horse battery staple'

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return (await res.json()) as { status: number; code: string; detail: string; field?: string; type: string }
}

describe('registration', () => {
  it('creates an account and signs the user in with an HttpOnly, SameSite=Lax cookie', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app)
    const res = await browser.request('/api/v1/auth/register', {
      method: 'POST',
      json: { email: 'Ada@Example.com', password, name: 'Ada' },
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ email: 'ada@example.com', name: 'Ada' })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dockdeck_session='))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const tokens = await browser.request('/api/v1/tokens')
    expect(tokens.status).toBe(200)
  })

  it('uses a Secure __Host- cookie when the request is HTTPS', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app, 'https://dockdeck.example')
    const res = await browser.request('/api/v1/auth/register', {
      method: 'POST',
      json: { email: 'secure@example.com', password },
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-dockdeck_session='))
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Domain=/)
  })

  it('returns 409 naming the email when it is already registered', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app)
    await browser.request('/api/v1/auth/register', { method: 'POST', json: { email: 'a@example.com', password } })
    const res = await browser.request('/api/v1/auth/register', {
      method: 'POST',
      json: { email: 'A@example.com', password },
    })
    expect(res.status).toBe(409)
    expect(await problem(res)).toMatchObject({ code: 'email_taken', field: 'email' })
  })

  it.each([
    ['a short password', { email: 'b@example.com', password: 'short' }, 'password'],
    ['an overlong password', { email: 'b@example.com', password: 'x'.repeat(129) }, 'password'],
    ['a malformed email', { email: 'not-an-email', password }, 'email'],
    ['an overlong name', { email: 'b@example.com', password, name: 'n'.repeat(101) }, 'name'],
    ['a missing email', { password }, 'email'],
    ['a number for a password', { email: 'b@example.com', password: 123456789012 }, 'password'],
    ['a common password', { email: 'b@example.com', password: 'Password1234' }, 'password'],
    ['a run of digits', { email: 'b@example.com', password: '1234567890123' }, 'password'],
    ['a password containing the email', { email: 'johnsmith@example.com', password: 'johnsmith-2026!' }, 'password'],
  ])('rejects %s with a 400 problem naming the field', async (_label, body, field) => {
    const { app } = await createTestApp()
    const res = await new Browser(app).request('/api/v1/auth/register', { method: 'POST', json: body })
    expect(res.status).toBe(400)
    const doc = await problem(res)
    expect(doc).toMatchObject({ status: 400, code: 'validation_failed', field })
    expect(doc.detail).toContain(field)
    expect(doc.type).toMatch(/^https:\/\//)
  })

  it('rejects a body that is not JSON with a 400 problem', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    })
    expect(res.status).toBe(400)
    expect((await problem(res)).code).toBe('bad_request')
  })

  it('refuses a body over the size limit with 413', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com', password, name: 'x'.repeat(70_000) }),
    })
    expect(res.status).toBe(413)
    expect((await problem(res)).code).toBe('payload_too_large')
  })
})

describe('sign-in', () => {
  it('signs in with the right password and rotates the session', async () => {
    const { app } = await createTestApp()
    const { browser, email } = await signUp(app)
    const before = [...browser.cookies].find(([k]) => k === 'dockdeck_session')?.[1]
    const res = await browser.request('/api/v1/auth/login', { method: 'POST', json: { email, password } })
    expect(res.status).toBe(200)
    const after = browser.cookies.get('dockdeck_session')
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    const stale = new Browser(app)
    stale.cookies.set('dockdeck_session', before ?? '')
    expect((await stale.request('/api/v1/tokens')).status).toBe(401)
  })

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const { app } = await createTestApp()
    const { email } = await signUp(app)
    const wrong = await new Browser(app).request('/api/v1/auth/login', {
      method: 'POST',
      json: { email, password: 'wrong password here' },
    })
    const unknown = await new Browser(app).request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'nobody@example.com', password },
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await problem(wrong), await problem(unknown)]
    expect(a.detail).toBe(b.detail)
    expect(a.code).toBe('invalid_credentials')
  })

  it('signs out and forgets the session', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const secret = browser.cookies.get('dockdeck_session') ?? ''
    expect((await browser.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204)
    const replay = new Browser(app)
    replay.cookies.set('dockdeck_session', secret)
    expect((await replay.request('/api/v1/tokens')).status).toBe(401)
  })
})

describe('session expiry', () => {
  it('ends a session after a week idle', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock })
    const { browser } = await signUp(app)
    clock.advance(sessionIdleMs - 1000)
    expect((await browser.request('/api/v1/tokens')).status).toBe(200)
    clock.advance(sessionIdleMs + 1000)
    expect((await browser.request('/api/v1/tokens')).status).toBe(401)
  })

  it('ends a session a month after sign-in even when it is used every day', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock })
    const { browser } = await signUp(app)
    for (let elapsed = 0; elapsed < sessionAbsoluteMs - 86_400_000; elapsed += 86_400_000) {
      clock.advance(86_400_000)
      expect((await browser.request('/api/v1/tokens')).status).toBe(200)
    }
    clock.advance(2 * 86_400_000)
    expect((await browser.request('/api/v1/tokens')).status).toBe(401)
  })
})
