import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cards, topics } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC', ...settings } })
  return { ...t, ids, user }
}

async function html(browser: Browser, path: string) {
  const res = await browser.request(path)
  return { status: res.status, body: await res.text() }
}

/** The due, new-today and unseen cells of one topic row on the home page. */
function topicRow(body: string, topic: string): string[] {
  const row = new RegExp(`<tr data-topic="${topic}">(.*?)</tr>`).exec(body)?.[1] ?? ''
  return [...row.matchAll(/<td class="num">(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
}

async function answer(browser: Browser, cardId: string, rating: string) {
  const res = await browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating } })
  expect(res.status).toBe(201)
}

describe('the home page', () => {
  it('shows due, new-today and unseen counts per deck and topic, with a start button for each', async () => {
    const { user } = await setup({ newCardsPerDay: 15 })
    const { body } = await html(user.browser, '/')
    expect(topicRow(body, 'architecture')).toEqual(['0', '10', '10 / 10'])
    expect(topicRow(body, 'cli')).toEqual(['0', '10', '10 / 10'])
    expect(body).toContain('<strong data-count="due">0</strong> due · <strong data-count="new">15</strong> new today')
    expect(body).toMatch(
      /href="\/review\?deck=docker"><span class="wide-only">Start review<\/span>.*? of Docker<\/span>/,
    )
    expect(body).toContain('href="/review?deck=docker&amp;topic=cli"><span class="wide-only">Start review')
  })

  it('counts learning cards once they are due and reviews due today, and the new limit left', async () => {
    const { user, clock, ids } = await setup({ newCardsPerDay: 15, learnAheadMinutes: 0 })
    await answer(user.browser, ids[0]!, 'again') // learning, due in 1 minute
    await answer(user.browser, ids[1]!, 'easy') // review, due in days
    await answer(user.browser, 'docker-cli-000', 'good') // learning, due in 10 minutes
    let body = (await html(user.browser, '/')).body
    expect(topicRow(body, 'architecture')).toEqual(['0', '8', '8 / 10'])
    expect(body).toContain('<strong data-count="new">12</strong> new today')
    expect(body).toContain('Reviewed today: 3')
    clock.advance(2 * minute)
    body = (await html(user.browser, '/')).body
    expect(topicRow(body, 'architecture')).toEqual(['1', '8', '8 / 10'])
    expect(topicRow(body, 'cli')).toEqual(['0', '9', '9 / 10'])
    clock.advance(10 * minute)
    expect(topicRow((await html(user.browser, '/')).body, 'cli')).toEqual(['1', '9', '9 / 10'])
  })

  it('counts learning cards due within the learn-ahead limit as due now, as the queue shows them', async () => {
    const { user, clock, ids } = await setup({ newCardsPerDay: 15, learnAheadMinutes: 5 })
    await answer(user.browser, ids[0]!, 'again') // learning, due in 1 minute: within 5
    await answer(user.browser, 'docker-cli-000', 'good') // learning, due in 10 minutes: not yet
    let body = (await html(user.browser, '/')).body
    expect(topicRow(body, 'architecture')[0]).toBe('1')
    expect(topicRow(body, 'cli')[0]).toBe('0')
    clock.advance(5 * minute)
    body = (await html(user.browser, '/')).body
    expect(topicRow(body, 'cli')[0]).toBe('1')
  })

  it('caps the due count at what the daily review limit still allows, but never holds back learning cards', async () => {
    const { user, clock, ids } = await setup({ maxReviewsPerDay: 2 })
    for (const id of ids.slice(0, 4)) await answer(user.browser, id, 'easy') // four reviews due in days
    await answer(user.browser, ids[4]!, 'again') // one learning card
    // Twenty days on (the reviews fall due), visiting every five so the session stays alive.
    for (let day = 0; day < 4; day++) {
      clock.advance(5 * 86_400_000)
      await html(user.browser, '/')
    }
    const body = (await html(user.browser, '/')).body
    // 4 reviews and 1 learning card are due; the limit lets 2 reviews through: 1 + 2.
    expect(topicRow(body, 'architecture')[0]).toBe('3')
    expect(body).toContain('<strong data-count="due">3</strong> due')
  })

  it('leaves suspended cards out of every count', async () => {
    const { user, ids } = await setup()
    await user.browser.request(`/api/v1/cards/${ids[0]}/suspend`, { method: 'POST' })
    expect(topicRow((await html(user.browser, '/')).body, 'architecture')).toEqual(['0', '9', '9 / 10'])
  })
})

describe('the deck pages', () => {
  it('sends a visitor to sign in first', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/decks/docker')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/signin?next=%2Fdecks%2Fdocker')
  })

  it('lists the topics of a deck with their card counts', async () => {
    const { user } = await setup()
    const { status, body } = await html(user.browser, '/decks/docker')
    expect(status).toBe(200)
    expect(body).toContain('<h1>Docker</h1>')
    expect(body).toContain('Topics · 20 cards')
    expect(body).toMatch(/<a href="\/decks\/docker\?topic=cli">Topic cli<\/a> <span class="muted">10 cards<\/span>/)
    expect(body).toContain('Pick a topic to browse its cards.')
  })

  it('browses the cards of one topic with prompt, answer, kind and source line', async () => {
    const { user } = await setup()
    const { body } = await html(user.browser, '/decks/docker?topic=cli')
    expect(body).toContain('Topic cli · 10 cards')
    expect(body).toContain('aria-current="page">Topic cli</a>')
    expect(body).toContain('<p>What is term 3 of cli?</p>')
    expect(body).toContain('<p>Definition 3 of cli</p>')
    expect(body).toMatch(
      /<span class="kind">typein<\/span> · <a href="\/decks\/docker\/notes\/cli#cli">cli.md, line 10<\/a>/,
    )
    expect(body).not.toContain('of architecture')
  })

  it('shows the cards of a note grouped by heading, with anchors the review page links to', async () => {
    const { user, db } = await setup()
    await db
      .update(cards)
      .set({ sourceAnchor: 'docker-run', sourceHeadings: JSON.stringify(['CLI', 'docker run']) })
      .where(eq(cards.id, 'docker-cli-004'))
    const { status, body } = await html(user.browser, '/decks/docker/notes/cli')
    expect(status).toBe(200)
    expect(body).toContain('<h2 id="cli">cli</h2>')
    expect(body).toContain('<h2 id="docker-run">CLI › docker run</h2>')
    expect(body.indexOf('id="cli"')).toBeLessThan(body.indexOf('What is term 0 of cli'))
    expect(body.indexOf('id="docker-run"')).toBeLessThan(body.indexOf('What is term 4 of cli'))
    expect(body).toContain('typein · line 10')
  })

  it('shows the compiled note when there is one, and only web links as its sources', async () => {
    const { user, db } = await setup()
    await db
      .update(topics)
      .set({
        html: '<h2 id="cli">CLI</h2><p>Use <code>docker run</code>.</p>',
        sources: JSON.stringify(['https://docs.docker.com/reference/cli/docker/', 'javascript:alert(1)']),
      })
      .where(eq(topics.slug, 'cli'))
    const { body } = await html(user.browser, '/decks/docker/notes/cli')
    expect(body).toContain(
      '<article class="card note"><h2 id="cli">CLI</h2><p>Use <code>docker run</code>.</p></article>',
    )
    expect(body).toContain('href="https://docs.docker.com/reference/cli/docker/"')
    expect(body).not.toContain('javascript:')
    expect(body).not.toContain('What is term 0 of cli')
  })

  it('escapes card text that contains a script tag while browsing', async () => {
    const { user, db } = await setup()
    await db
      .update(cards)
      .set({ promptHtml: '<p>Why <script>alert(1)</script>?</p>', answerHtml: '<a href="javascript:alert(2)">x</a>' })
      .where(eq(cards.id, 'docker-cli-001'))
    const { body } = await html(user.browser, '/decks/docker?topic=cli')
    expect(body).not.toContain('<script>alert(1)')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain('<a href="javascript:')
  })

  it('answers 404 for an unknown deck or topic and 400 for a malformed slug', async () => {
    const { user } = await setup()
    expect((await html(user.browser, '/decks/kubernetes')).status).toBe(404)
    expect((await html(user.browser, '/decks/docker?topic=nope')).status).toBe(404)
    expect((await html(user.browser, '/decks/docker/notes/nope')).status).toBe(404)
    expect((await html(user.browser, '/decks/kubernetes/notes/cli')).status).toBe(404)
    const bad = await html(user.browser, '/decks/Bad%20Deck')
    expect(bad.status).toBe(400)
    expect(bad.body).toContain('slug')
  })
})
