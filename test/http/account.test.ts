import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import type { MailMessage } from '../../src/env'
import { Browser, createClock, createTestApp, signUp, testPasswordParams } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { createTestDb } from '../helpers/db'

const password = 'correct horse battery staple'

async function answerOne(browser: Browser, key: string) {
  const next = (await (await browser.request('/api/v1/review/next')).json()) as { card: { id: string } }
  const res = await browser.request('/api/v1/reviews', {
    method: 'POST',
    json: { cardId: next.card.id, rating: 'good' },
    headers: { 'idempotency-key': key },
  })
  expect(res.status).toBe(201)
}

async function signInAgain(app: Browser['app'], email: string, pw = password) {
  const browser = new Browser(app)
  const res = await browser.submit('/signin', { email, password: pw })
  return { browser, status: res.status }
}

describe('API tokens from the account page', () => {
  it('creates a token with the scopes ticked, shows its secret once, and revokes it', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const page = await browser.request('/account')
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    const body = new URLSearchParams({ name: 'results script', expiresInDays: '30' })
    body.append('scopes', 'progress:read')
    await browser.request('/account')
    const csrf = [...browser.cookies].find(([k]) => k.endsWith('dockdeck_csrf'))?.[1] ?? ''
    body.append('_csrf', csrf)
    const created = await browser.request('/account/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: browser.origin },
      body: body.toString(),
    })
    expect(created.status).toBe(201)
    const html = await created.text()
    const token = /<code id="new-token">(dd_[\w-]+)<\/code>/.exec(html)?.[1] ?? ''
    expect(token).not.toBe('')
    const bearer = { authorization: `Bearer ${token}` }
    expect((await app.request('/api/v1/progress', { headers: bearer })).status).toBe(200)
    expect((await app.request('/api/v1/review/next', { headers: bearer })).status).toBe(403)
    expect(await (await browser.request('/account')).text()).not.toContain(token)
    const [listed] = (await (await browser.request('/api/v1/tokens')).json()) as { id: string; scopes: string[] }[]
    expect(listed?.scopes).toEqual(['progress:read'])
    const revoked = await browser.submit(`/account/tokens/${listed?.id}/revoke`, {})
    expect(revoked.status).toBe(200)
    expect((await app.request('/api/v1/progress', { headers: bearer })).status).toBe(401)
  })

  it('names the field when a token has no name', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.submit('/account/tokens', { name: '  ', expiresInDays: '30' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Name is required.')
  })
})

describe('changing the password', () => {
  it('asks for the current password, keeps this session and signs out the others', async () => {
    const { app } = await createTestApp()
    const { browser, email } = await signUp(app)
    const other = await signInAgain(app, email)
    expect(other.status).toBe(303)
    const wrong = await browser.submit('/account/password', {
      currentPassword: 'nope',
      newPassword: 'a new long passphrase',
    })
    expect(wrong.status).toBe(403)
    expect(await wrong.text()).toContain('The current password is wrong.')
    const ok = await browser.submit('/account/password', {
      currentPassword: password,
      newPassword: 'a new long passphrase',
    })
    expect(ok.status).toBe(200)
    expect((await browser.request('/api/v1/settings')).status).toBe(200)
    expect((await other.browser.request('/api/v1/settings')).status).toBe(401)
    expect((await signInAgain(app, email)).status).toBe(401)
    expect((await signInAgain(app, email, 'a new long passphrase')).status).toBe(303)
  })

  it('refuses a weak new password with a sentence', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.submit('/account/password', { currentPassword: password, newPassword: 'aaaaaaaaaaaaaaa' })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/New password [^<]*choose another\./)
  })
})

describe('changing the email', () => {
  it('changes it after the current password and refuses one another account has', async () => {
    const { app } = await createTestApp()
    const { browser, email } = await signUp(app)
    const taken = await signUp(app)
    const clash = await browser.submit('/account/email', { email: taken.email, currentPassword: password })
    expect(clash.status).toBe(409)
    const ok = await browser.submit('/account/email', { email: 'New.Name@Example.com', currentPassword: password })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('You now sign in as new.name@example.com.')
    expect((await signInAgain(app, email)).status).toBe(401)
    expect((await signInAgain(app, 'new.name@example.com')).status).toBe(303)
  })
})

describe('signing out everywhere', () => {
  it('ends every session of the account, this one included', async () => {
    const { app } = await createTestApp()
    const { browser, email } = await signUp(app)
    const other = await signInAgain(app, email)
    const res = await browser.submit('/account/sign-out-everywhere', {})
    expect(res.headers.get('location')).toBe('/signin')
    expect((await browser.request('/api/v1/settings')).status).toBe(401)
    expect((await other.browser.request('/api/v1/settings')).status).toBe(401)
  })
})

describe('deleting the account', () => {
  async function rowsOf(db: Awaited<ReturnType<typeof createTestApp>>['db'], userId: string) {
    const counts: Record<string, number> = {}
    for (const table of ['sessions', 'api_tokens', 'card_states', 'review_logs', 'exams', 'team_members']) {
      const [row] = await db.all<{ n: number }>(
        sql.raw(`select count(*) as n from ${table} where user_id = '${userId}'`),
      )
      counts[table] = row?.n ?? 0
    }
    return counts
  }

  it('removes the user and all their data, their solo teams, and keeps shared teams with another owner', async () => {
    const { app, db } = await createTestApp()
    await seedDeck(db)
    const ada = await signUp(app, 'Ada')
    const bob = await signUp(app, 'Bob')
    await answerOne(ada.browser, 'del-1')
    await ada.browser.request('/api/v1/tokens', { method: 'POST', json: { name: 't' } })
    const solo = (await (
      await ada.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Solo' } })
    ).json()) as {
      id: string
    }
    const shared = (await (
      await ada.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Shared' } })
    ).json()) as { id: string }
    const invite = (await (
      await ada.browser.request(`/api/v1/teams/${shared.id}/invites`, { method: 'POST', json: {} })
    ).json()) as { code: string }
    await bob.browser.request(`/api/v1/invites/${invite.code}/accept`, { method: 'POST' })
    expect((await rowsOf(db, ada.userId)).review_logs).toBe(1)

    const refused = await ada.browser.submit('/account/delete', { currentPassword: password, confirm: 'delete' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('You are the only owner of &quot;Shared&quot;')
    await ada.browser.request(`/api/v1/teams/${shared.id}/members/${bob.userId}`, {
      method: 'PATCH',
      json: { role: 'owner' },
    })
    const wrong = await ada.browser.submit('/account/delete', { currentPassword: 'nope', confirm: 'delete' })
    expect(wrong.status).toBe(403)
    const deleted = await ada.browser.submit('/account/delete', { currentPassword: password, confirm: 'delete' })
    expect(deleted.status).toBe(200)
    expect(await deleted.text()).toContain('Your account was deleted')
    expect(await rowsOf(db, ada.userId)).toEqual({
      sessions: 0,
      api_tokens: 0,
      card_states: 0,
      review_logs: 0,
      exams: 0,
      team_members: 0,
    })
    const [users] = await db.all<{ n: number }>(sql`select count(*) as n from users where id = ${ada.userId}`)
    expect(users?.n).toBe(0)
    expect((await bob.browser.request(`/api/v1/teams/${solo.id}`)).status).toBe(404)
    const sharedTeam = await bob.browser.request(`/api/v1/teams/${shared.id}`)
    expect(sharedTeam.status).toBe(200)
    const [owner] = await db.all<{ created_by: string }>(sql`select created_by from teams where id = ${shared.id}`)
    expect(owner?.created_by).toBe(bob.userId)
    expect((await signInAgain(app, ada.email)).status).toBe(401)
  })
})

describe('password reset by a link', () => {
  async function appWithMailbox() {
    const { db } = await createTestDb()
    const clock = createClock()
    const mailbox: MailMessage[] = []
    const app = createApp({
      database: () => db,
      clock: () => clock.now,
      clientIp: () => '203.0.113.9',
      passwordParams: testPasswordParams,
      publicOrigin: 'https://dockdeck.example',
      mailer: {
        async send(message) {
          mailbox.push(message)
        },
      },
    })
    return { app, db, clock, mailbox }
  }

  it('mails a link to the public origin that sets a new password once and signs every device out', async () => {
    const { app, mailbox } = await appWithMailbox()
    const { browser, email } = await signUp(app)
    const asked = await new Browser(app).submit('/password/forgot', { email })
    expect(await asked.text()).toContain('a link to choose a new password is on its way')
    expect(mailbox).toHaveLength(1)
    const link = /https:\/\/dockdeck\.example(\/password\/reset\/[\w-]+)/.exec(mailbox[0]?.text ?? '')?.[1] ?? ''
    expect(link).not.toBe('')
    const visitor = new Browser(app)
    expect((await visitor.request(link)).status).toBe(200)
    const set = await visitor.submit(link, { newPassword: 'a brand new passphrase' })
    expect(set.headers.get('location')).toBe('/signin?reset=1')
    expect((await browser.request('/api/v1/settings')).status).toBe(401)
    expect((await signInAgain(app, email, 'a brand new passphrase')).status).toBe(303)
    const again = await visitor.submit(link, { newPassword: 'yet another passphrase' })
    expect(again.status).toBe(410)
    expect((await signInAgain(app, email, 'yet another passphrase')).status).toBe(401)
  })

  it('answers the same for an unknown email and sends nothing', async () => {
    const { app, mailbox } = await appWithMailbox()
    const res = await new Browser(app).submit('/password/forgot', { email: 'nobody@example.com' })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('a link to choose a new password is on its way')
    expect(mailbox).toHaveLength(0)
  })

  it('refuses a link after an hour', async () => {
    const { app, mailbox, clock } = await appWithMailbox()
    const { email } = await signUp(app)
    await new Browser(app).submit('/password/forgot', { email })
    const link = /\/password\/reset\/[\w-]+/.exec(mailbox[0]?.text ?? '')?.[0] ?? ''
    clock.advance(60 * 60 * 1000 + 1)
    expect((await new Browser(app).request(link)).status).toBe(410)
  })

  it('writes the link with the configured origin, never the request Host, with a real mailer', async () => {
    const { db } = await createTestDb()
    const mailbox: MailMessage[] = []
    const app = createApp({
      database: () => db,
      passwordParams: testPasswordParams,
      mailer: { send: async (m) => void mailbox.push(m) },
    })
    const { email } = await signUp(app)
    const res = await new Browser(app, 'http://evil.example').submit('/password/forgot', { email })
    expect(res.status).toBe(503)
    expect(mailbox).toHaveLength(0)
  })
})

describe('deleting an account that owns decks', () => {
  it('deletes its own decks and their cards with it, and leaves the shipped deck alone', async () => {
    const { app, db } = await createTestApp()
    await seedDeck(db)
    const { browser, userId } = await signUp(app)
    const deck = await browser.request('/api/v1/decks', { method: 'POST', json: { name: 'My notes' } })
    expect(deck.status).toBe(201)
    const { slug } = (await deck.json()) as { slug: string }
    const note = await browser.request(`/api/v1/decks/${slug}/notes/ports.md`, {
      method: 'PUT',
      headers: { 'content-type': 'text/markdown' },
      body: '# Ports\n\nPort of the registry? :: 5000\n',
    })
    expect(note.status).toBeLessThan(300)
    const next = (await (await browser.request(`/api/v1/review/next?deck=${slug}`)).json()) as { card: { id: string } }
    const answered = await browser.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: next.card.id, rating: 'good' },
    })
    expect(answered.status).toBe(201)
    const deleted = await browser.submit('/account/delete', { currentPassword: password, confirm: 'delete' })
    expect(deleted.status).toBe(200)
    const [decks] = await db.all<{ n: number }>(sql`select count(*) as n from decks where owner_id = ${userId}`)
    expect(decks?.n).toBe(0)
    const [cards] = await db.all<{ n: number }>(sql`select count(*) as n from cards where deck = ${slug}`)
    expect(cards?.n).toBe(0)
    const [shipped] = await db.all<{ n: number }>(sql`select count(*) as n from cards where deck = 'docker'`)
    expect(shipped?.n).toBeGreaterThan(0)
  })
})
