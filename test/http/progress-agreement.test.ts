import { describe, expect, it } from 'vitest'
import type { Progress } from '../../src/domain/progress'
import type { Readiness } from '../../src/services/readiness'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const now = Date.UTC(2026, 0, 15, 17)

/** A first day: five new cards answered Good once each, so they are still in learning. */
async function firstDay() {
  const t = await createTestApp({ clock: createClock(now) })
  await seedDeck(t.db, { perTopic: 12 })
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { examDate: '2026-03-01' } })
  for (let i = 0; i < 5; i++) {
    const next = (await (await user.browser.request('/api/v1/review/next?deck=docker')).json()) as {
      card: { id: string }
    }
    const res = await user.browser.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: next.card.id, rating: 'good' },
    })
    expect(res.status).toBe(201)
  }
  const api = (await (await user.browser.request('/api/v1/progress')).json()) as Progress
  const ready = (await (await user.browser.request('/api/v1/readiness?deck=docker')).json()) as Readiness & {
    unseen: number
    cards: number
  }
  const html = await (await user.browser.request('/progress')).text()
  return { api, ready, html }
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the progress page agrees with itself', () => {
  it('counts the cards studied once in the tile, the topic chart and the readiness panel alike', async () => {
    const { api, ready, html } = await firstDay()
    expect(api.cards.studied).toBe(5)
    expect(ready.cards - ready.unseen).toBe(api.cards.studied)
    const page = text(html)
    expect(page).toContain('Cards studied 5')
    expect(page).toContain('of 24 cards; 0 past learning, 0 mature')
    expect(page).toContain(`${ready.unseen} of ${ready.cards}`)
    expect(page).not.toContain('Cards learned')
  })

  it('says which cards each recall figure covers and when it is predicted for', async () => {
    const { html } = await firstDay()
    const page = text(html)
    expect(page).toContain('Recall now of the cards you studied')
    expect(page).toMatch(/100% of 5 studied \(of 12\)|\d+% of \d studied \(of 12\)/)
    expect(page).toContain('of all 24 cards, those not studied counted as 0')
  })

  it('names each streak by what it counts and says today is still open', async () => {
    const { html } = await firstDay()
    const page = text(html)
    expect(page).toContain('Days studied in a row 1 day')
    expect(page).not.toContain('All due cards done 0 days in a row')
    expect(page).toMatch(/Every due card done: not yet today \(\d+ still due\)/)
  })

  it('says "no data yet" under a chart with nothing to draw', async () => {
    const { html } = await firstDay()
    const retention = html.slice(html.indexOf('id="retention-caption"'), html.indexOf('id="topics-caption"'))
    expect(retention).toContain('No data yet: retention counts answers to cards past learning')
  })
})
