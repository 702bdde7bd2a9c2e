import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { AppError } from '../../src/errors'
import { defaultScryptParams, hashPassword, verifyPassword } from '../../src/security/password'
import { Browser, createTestApp, signUp } from '../helpers/app'

describe('health', () => {
  it('answers 200 with db ok when the database answers', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  it('answers 503 with the reason when the database is not configured', async () => {
    const app = createApp({
      database: () => {
        throw new AppError(503, 'service_unavailable', 'DATABASE_URL is not set')
      },
    })
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'unavailable', reason: 'DATABASE_URL is not set' })
  })

  it('answers 503 when the database does not answer', async () => {
    const { app, db } = await createTestApp()
    const client = (db as unknown as { $client: { close(): void } }).$client
    client.close()
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ db: 'error' })
  })
})

describe('errors and headers', () => {
  it('answers an unknown API route with a 404 problem document', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/v1/nothing-here')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not Found',
      instance: '/api/v1/nothing-here',
    })
  })

  it('answers an unknown page with an HTML 404 page', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/nothing-here', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/)
    expect(html).toContain('Page not found')
    expect(await (await app.request('/signin')).text()).toMatch(/^<!DOCTYPE html>/)
  })

  it('sends a CSP without inline scripts, HSTS and no-sniff on every response', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/signin')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('sign-up and sign-in pages', () => {
  it('signs up through the form and lands on the decks page, with the one-minute introduction', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app)
    const page = await (await browser.request('/signup')).text()
    expect(page).toContain('name="_csrf"')
    const res = await browser.submit('/signup', { email: 'form@example.com', password: 'correct horse battery staple' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const home = await (await browser.request('/')).text()
    expect(home).toContain('Your decks')
    expect(home).toContain('Grade yourself honestly')
  })

  it('refuses a form posted without the CSRF token', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=x%40example.com&password=correct+horse+battery+staple',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('reload the page')
  })

  it('refuses a form posted from another origin', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app)
    await browser.request('/signin')
    const csrf = browser.cookies.get('dockdeck_csrf') ?? ''
    const res = await browser.request('/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ _csrf: csrf, email: 'a@example.com', password: 'x' }).toString(),
    })
    expect(res.status).toBe(403)
  })

  it('shows a wrong password on the form, keeping the email, and signs in with the right one', async () => {
    const { app } = await createTestApp()
    const { email, password } = await signUp(app)
    const browser = new Browser(app)
    const wrong = await browser.submit('/signin', { email, password: 'not the password' })
    expect(wrong.status).toBe(401)
    const html = await wrong.text()
    expect(html).toContain('The email or password is wrong.')
    expect(html).toContain(`value="${email}"`)
    const right = await browser.submit('/signin', { email, password, next: '//evil.example/' })
    expect(right.status).toBe(303)
    expect(right.headers.get('location')).toBe('/')
  })

  it('escapes what a user typed when it is shown back', async () => {
    const { app } = await createTestApp()
    const res = await new Browser(app).submit('/signup', { email: '<script>alert(1)</script>', password: 'short' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;')
  })

  it('signs out through the form', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.submit('/signout', {})
    expect(res.status).toBe(303)
    expect((await browser.request('/api/v1/tokens')).status).toBe(401)
  })
})

describe('password hashing', () => {
  it('uses scrypt at the OWASP minimum by default and verifies only the right password', async () => {
    expect(2 ** defaultScryptParams.logN * defaultScryptParams.r * defaultScryptParams.p).toBeGreaterThanOrEqual(
      2 ** 14 * 8 * 5,
    )
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/)
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
  })
})
