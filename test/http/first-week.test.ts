import { describe, expect, it } from 'vitest'
import { Browser, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

async function inviteLink(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const owner = await signUp(app, 'Olivia')
  const team = (await (
    await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Platform' } })
  ).json()) as { id: string }
  const invite = (await (
    await owner.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST', json: {} })
  ).json()) as { code: string }
  return { teamId: team.id, path: `/invites/${invite.code}` }
}

describe('an invite opened while signed out', () => {
  it('keeps the invite through sign-up and names the team on both forms', async () => {
    const { app } = await createTestApp()
    const { teamId, path } = await inviteLink(app)
    const visitor = new Browser(app)
    const bounced = await visitor.request(path)
    expect(bounced.status).toBe(303)
    const signin = bounced.headers.get('location') ?? ''
    expect(signin).toBe(`/signin?next=${encodeURIComponent(path)}`)
    const signinPage = await (await visitor.request(signin)).text()
    expect(signinPage).toContain('invited to join the team Platform')
    const signupLink = /href="(\/signup\?next=[^"]+)"/.exec(signinPage)?.[1]?.replaceAll('&amp;', '&')
    expect(signupLink).toBe(`/signup?next=${encodeURIComponent(path)}`)
    const signupPage = await (await visitor.request(signupLink ?? '')).text()
    expect(signupPage).toContain('invited to join the team Platform')
    expect(signupPage).toContain(`name="next" value="${path}"`)
    const created = await visitor.submit('/signup', {
      email: 'max@example.com',
      password: 'correct horse battery staple',
      next: path,
    })
    expect(created.headers.get('location')).toBe(path)
    const join = await visitor.submit(path, {})
    expect(join.headers.get('location')).toBe(`/teams/${teamId}`)
  })

  it('does not name a team for a code that does not exist', async () => {
    const { app } = await createTestApp()
    const page = await (await new Browser(app).request('/signup?next=/invites/abcdefghijklmnopqrstuvwxyz')).text()
    expect(page).not.toContain('invited to join')
  })
})

describe('errors a person can read', () => {
  it('answers an unknown page with a sentence and ways on, not the route', async () => {
    const { app } = await createTestApp()
    const html = await (await app.request('/nope', { headers: { accept: 'text/html' } })).text()
    expect(html).not.toContain('no route for')
    expect(html).toContain('There is no page at this address.')
    expect(html).toContain('href="/signin"')
    const problem = (await (await app.request('/api/v1/nope')).json()) as { detail: string }
    expect(problem.detail).toBe('no route for GET /api/v1/nope')
  })

  it('shows a sign-up error as a sentence naming the field by its label', async () => {
    const { app } = await createTestApp()
    const html = await (await new Browser(app).submit('/signup', { email: 'ok@example.com', password: 'short' })).text()
    expect(html).toContain('Password must be at least 12 characters.')
    expect(html).not.toContain('password: ')
  })

  it('turns a validator message on a page into a sentence, while the API keeps its detail', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const page = await browser.submit('/review/grade', { rating: '3' })
    const html = await page.text()
    expect(page.status).toBe(400)
    expect(html).not.toMatch(/Invalid key|Expected "/)
    expect(html).toMatch(/<p>[A-Z][^<]*\.<\/p>/)
    const api = await browser.request('/api/v1/reviews', { method: 'POST', json: { rating: 3 } })
    expect(((await api.json()) as { detail: string }).detail).toMatch(/^cardId: /)
  })
})

describe('the site frame', () => {
  it('serves a favicon', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/favicon.ico')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
  })

  it('separates the name from "Sign out", links the account, help and the API reference', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app, 'Alice')
    const html = await (await browser.request('/')).text()
    expect(html).toMatch(/Alice<\/a> <button[^>]*>Sign out/)
    expect(html).toContain('href="/account"')
    expect(html).toContain('href="/api/docs"')
    expect(html).toContain('href="/help"')
  })

  it('shows the one-minute introduction again from help', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    expect(await (await app.request('/help')).text()).toContain('href="/welcome"')
    const welcome = await (await browser.request('/welcome')).text()
    expect(welcome).toContain('Again')
    expect(welcome).toContain('20 new cards')
  })
})

describe('the first-run introduction', () => {
  it('shows on the home page until skipped, and stays reachable from help', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    expect(await (await browser.request('/')).text()).toContain('Grade yourself honestly')
    const skipped = await browser.submit('/welcome/skip', {})
    expect(skipped.headers.get('location')).toBe('/')
    expect(await (await browser.request('/')).text()).not.toContain('Grade yourself honestly')
    expect(await (await browser.request('/welcome')).text()).toContain('Grade yourself honestly')
  })

  it('no longer shows once the person has answered a card', async () => {
    const { app, db } = await createTestApp()
    await seedDeck(db)
    const { browser } = await signUp(app)
    const next = (await (await browser.request('/api/v1/review/next')).json()) as { card: { id: string } }
    const answered = await browser.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: next.card.id, rating: 'good' },
      headers: { 'idempotency-key': 'first-run-1' },
    })
    expect(answered.status).toBe(201)
    expect(await (await browser.request('/')).text()).not.toContain('Grade yourself honestly')
  })
})
