import { describe, expect, it } from 'vitest'
import { insertHistory, simulateHistory } from '../../bench/progress'
import type { Progress } from '../../src/domain/progress'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const now = Date.UTC(2026, 0, 15, 17)

async function setup() {
  const t = await createTestApp({ clock: createClock(now) })
  const ids = await seedDeck(t.db, { perTopic: 60 })
  const user = await signUp(t.app)
  return { ...t, ids, user }
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0

describe('the progress page', () => {
  it('tells a new user what to do first, without empty charts', async () => {
    const { user } = await setup()
    const res = await user.browser.request('/progress')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('No reviews yet')
    expect(html).toMatch(/<a class="button" href="\/review">Start your first review<\/a>/)
    expect(html).not.toContain('<svg')
  })

  it('draws a year of history as four charts with titles, descriptions and tables', async () => {
    const { db, ids, user, app } = await setup()
    const interleaved = [...ids].sort((a, b) => a.slice(-3).localeCompare(b.slice(-3)) || a.localeCompare(b))
    const start = Date.UTC(2025, 0, 15)
    await insertHistory(
      db,
      simulateHistory({ userId: user.userId, cardIds: interleaved, start, days: 365, newPerDay: 3 }),
    )
    const api = (await (await user.browser.request('/api/v1/progress')).json()) as Progress
    const res = await user.browser.request('/progress')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(count(html, /<svg[^>]*role="img"/g)).toBe(4)
    expect(count(html, /<desc id=/g)).toBe(4)
    expect(count(html, /<details>/g)).toBe(4)
    expect(count(html, /<rect class="heat-\d"[^>]*><title>/g)).toBe(365)
    expect(html).toContain(`<span class="figure">${api.today.dueLeft}</span>`)
    expect(html).toContain(`<span class="figure">${api.cards.learned}</span>`)
    const busy = [...api.calendar].reverse().find((d) => d.reviews > 1)!
    const label = new Date(`${busy.date}T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    })
    expect(html).toContain(`<title>${label}: ${busy.reviews} reviews</title>`)
    expect(html).toContain('<title>Jan 15, 2026: no reviews</title>')
    expect(html).not.toMatch(/\sstyle=|<script>|\son[a-z]+=/i)
    expect((await app.request('/progress')).status).toBe(303)
  })

  it('answers 404 for an unknown deck and shows one deck when asked', async () => {
    const { user, db } = await setup()
    await seedDeck(db, { deck: 'kubernetes', topics: ['pods'], perTopic: 3 })
    expect((await user.browser.request('/progress?deck=nope')).status).toBe(404)
    const html = await (await user.browser.request('/progress?deck=kubernetes')).text()
    expect(html).toMatch(/<option value="kubernetes" selected="">Kubernetes<\/option>/)
    expect(html).toContain('3 cards are waiting.')
  })
})

describe('the progress page and exam readiness', () => {
  it('shows the readiness panel, asking for an exam date until one is set, and is linked from home', async () => {
    const t = await createTestApp()
    await seedDeck(t.db)
    const { browser } = await signUp(t.app)
    expect(await (await browser.request('/')).text()).toContain('href="/progress"')
    const res = await browser.request('/progress')
    const before = await res.text()
    expect(res.status, before.slice(-600)).toBe(200)
    expect(before).toContain('Exam readiness')
    expect(before).toContain('Set your exam date')
    await browser.request('/api/v1/settings', { method: 'PUT', json: { examDate: '2026-03-01' } })
    const after = await (await browser.request('/progress')).text()
    expect(after).toContain('Ready for')
    expect(after).toContain('Predicted recall')
    expect(after).not.toContain('Set your exam date')
  })
})
