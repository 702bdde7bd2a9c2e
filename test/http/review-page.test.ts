import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, cards, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db)
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', {
    method: 'PUT',
    json: { fuzz: false, timezone: 'UTC', ...settings },
  })
  expect(put.status).toBe(200)
  return { ...t, ids, user }
}

/** The value of the first input named `name` in a page. */
function field(html: string, name: string): string {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)
  if (!match) throw new Error(`no field ${name}`)
  return (match[1] ?? '').replaceAll('&amp;', '&')
}

async function page(browser: Browser, path: string) {
  const res = await browser.request(path)
  return { status: res.status, html: await res.text(), res }
}

/** Follows the reveal form of a question page, as pressing Space on its focused button does. */
async function reveal(browser: Browser, question: string, typed?: string) {
  const params = new URLSearchParams({
    deck: field(question, 'deck'),
    card: field(question, 'card'),
    shownAt: field(question, 'shownAt'),
  })
  if (typed !== undefined) params.set('typed', typed)
  return page(browser, `/review/answer?${params}`)
}

/** Posts the grade form of an answer page with the chosen button. */
function grade(browser: Browser, answer: string, rating: string) {
  return browser.submit('/review/grade', {
    deck: field(answer, 'deck'),
    cardId: field(answer, 'cardId'),
    shownAt: field(answer, 'shownAt'),
    key: field(answer, 'key'),
    durationMs: '',
    rating,
  })
}

describe('the review page without JavaScript', () => {
  it('sends a visitor to sign in and back to the review page', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/review?deck=docker&topic=cli')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent('/review?deck=docker&topic=cli')}`)
  })

  it('shows the first due card with progress and a reveal form focused for Space and Enter', async () => {
    const { user } = await setup()
    const { status, html, res } = await page(user.browser, '/review?deck=docker')
    expect(status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(html).toContain('What is term 0 of architecture?')
    expect(html).toMatch(/<form method="get" action="\/review\/answer"/)
    expect(html).toMatch(
      /<button type="submit" data-key="reveal" autofocus="">Show answer <kbd class="hint">Space<\/kbd>/,
    )
    expect(html).toMatch(/<progress max="20" value="0"/)
    expect(html).toContain('20 left')
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|<script>/)
  })

  it('reveals the answer with each grade’s next interval and a link to the note section', async () => {
    const { user } = await setup()
    const question = (await page(user.browser, '/review?deck=docker')).html
    const { status, html } = await reveal(user.browser, question)
    expect(status).toBe(200)
    expect(html).toContain('Definition 0 of architecture')
    const api = (await (await user.browser.request('/api/v1/review/next?deck=docker')).json()) as {
      intervals: Record<string, string>
    }
    for (const rating of ['again', 'hard', 'good', 'easy']) expect(html).toContain(`value="${rating}"`)
    expect(html).toContain(`<span class="grade-interval">${api.intervals.good}</span> <kbd class="hint">3</kbd>`)
    expect(html).toContain(`<span class="grade-interval">${api.intervals.again}</span> <kbd class="hint">1</kbd>`)
    expect(html).toContain('href="/decks/docker/notes/architecture#architecture" data-key="e">architecture.md, line 10')
    expect(field(html, 'key')).toMatch(/^[\w-]{36}$/)
  })

  it('records a graded answer once even when the same form is posted twice', async () => {
    const { user, db, ids } = await setup()
    const question = (await page(user.browser, '/review?deck=docker')).html
    const answer = (await reveal(user.browser, question)).html
    const first = await grade(user.browser, answer, 'good')
    const second = await grade(user.browser, answer, 'good')
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/review?deck=docker')
    expect(second.headers.get('location')).toBe('/review?deck=docker')
    const logs = await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, ids[0]!))
    expect(logs).toHaveLength(1)
    const next = (await page(user.browser, '/review?deck=docker')).html
    expect(next).toContain('What is term 1 of architecture?')
    // 19 new cards and the answered one, back in learning within the learn-ahead limit.
    expect(next).toContain('20 left')
    const otherGrade = await grade(user.browser, answer, 'easy')
    expect(otherGrade.headers.get('location')).toBe('/review?deck=docker&notice=recorded')
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, ids[0]!))).toHaveLength(1)
  })

  it('keeps each person’s answers, progress and undo to themselves', async () => {
    const { app, user } = await setup()
    const answer = (await reveal(user.browser, (await page(user.browser, '/review?deck=docker')).html)).html
    await grade(user.browser, answer, 'good')
    const other = await signUp(app, 'Grace')
    const theirs = (await page(other.browser, '/review?deck=docker')).html
    expect(theirs).toContain('What is term 0 of architecture?')
    expect(theirs).toMatch(/<progress max="20" value="0"/)
    const undo = await other.browser.submit('/review/undo', { deck: 'docker' })
    expect(undo.headers.get('location')).toBe('/review?deck=docker&notice=nothing-to-undo')
    expect((await page(user.browser, '/review?deck=docker')).html).toContain('What is term 1 of architecture?')
  })

  it('shows a notice and the next card when the card was answered in another tab', async () => {
    const { user, clock, ids } = await setup()
    const answer = (await reveal(user.browser, (await page(user.browser, '/review?deck=docker')).html)).html
    clock.advance(minute)
    const elsewhere = await user.browser.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: ids[0], rating: 'easy' },
    })
    expect(elsewhere.status).toBe(201)
    const res = await grade(user.browser, answer, 'again')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/review?deck=docker&notice=stale')
    const { status, html } = await page(user.browser, res.headers.get('location')!)
    expect(status).toBe(200)
    expect(html).toContain('already answered in another tab')
    expect(html).toContain('What is term 1 of architecture?')
  })

  it('undoes the last answer and shows that card again', async () => {
    const { user, db, ids } = await setup()
    const answer = (await reveal(user.browser, (await page(user.browser, '/review?deck=docker')).html)).html
    await grade(user.browser, answer, 'easy')
    const res = await user.browser.submit('/review/undo', { deck: 'docker' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/review?deck=docker&card=${ids[0]}&notice=undone`)
    const { html } = await page(user.browser, res.headers.get('location')!)
    expect(html).toContain('Your last answer was undone')
    expect(html).toContain('What is term 0 of architecture?')
    const live = await db
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.cardId, ids[0]!), isNull(reviewLogs.undoneAt)))
    expect(live).toHaveLength(0)
    const again = await user.browser.submit('/review/undo', { deck: 'docker' })
    expect(again.headers.get('location')).toBe('/review?deck=docker&notice=nothing-to-undo')
  })

  it('suspends and buries cards from the page, taking them out of the queue', async () => {
    const { user, db, ids } = await setup()
    const suspended = await user.browser.submit(`/review/cards/${ids[0]}/suspend`, { deck: 'docker' })
    expect(suspended.headers.get('location')).toBe(`/review?deck=docker&notice=suspended&ref=${ids[0]}`)
    const afterSuspend = (await page(user.browser, suspended.headers.get('location')!)).html
    expect(afterSuspend).toContain('What is term 1 of architecture?')
    expect(afterSuspend).toContain(`action="/review/cards/${ids[0]}/unsuspend"`)
    const buried = await user.browser.submit(`/review/cards/${ids[1]}/bury`, { deck: 'docker' })
    expect(buried.headers.get('location')).toBe('/review?deck=docker&notice=buried')
    expect((await page(user.browser, '/review?deck=docker')).html).toContain('What is term 2 of architecture?')
    const states = await db.select().from(cardStates)
    expect(states.find((s) => s.cardId === ids[0])?.suspended).toBe(true)
    expect(states.find((s) => s.cardId === ids[1])?.buriedUntil).toBe(Date.UTC(2026, 0, 16, 4))
    const back = await user.browser.submit(`/review/cards/${ids[0]}/unsuspend`, { deck: 'docker' })
    expect(back.headers.get('location')).toBe('/review?deck=docker&notice=unsuspended')
    expect((await page(user.browser, '/review?deck=docker')).html).toContain('What is term 0 of architecture?')
  })

  it('compares a typed command case-sensitively and shows an escaped diff before grading', async () => {
    const { user, db } = await setup()
    await db
      .update(cards)
      .set({ answer: 'docker run -d nginx', answerHtml: '<p><code>docker run -d nginx</code></p>' })
      .where(eq(cards.id, 'docker-cli-000'))
    const question = (await page(user.browser, '/review?deck=docker&topic=cli')).html
    expect(question).toMatch(/<label for="typed">Type the command<\/label><input id="typed" name="typed"/)
    const wrong = (await reveal(user.browser, question, 'docker run -D nginx <b>x</b>')).html
    expect(wrong).toContain('Your answer differs')
    expect(wrong).toMatch(/run <ins><span class="visually-hidden">missing: <\/span>-d<\/ins>/)
    expect(wrong).toMatch(/<del><span class="visually-hidden">extra: <\/span>-D<\/del> nginx/)
    expect(wrong).toContain('&lt;b&gt;x&lt;/b&gt;')
    expect(wrong).not.toContain('<b>x</b>')
    expect(wrong).toMatch(/value="again"[^>]*autofocus=""/)
    const right = (await reveal(user.browser, question, '$ docker run -d “nginx”'.replace('“nginx”', 'nginx'))).html
    expect(right).toContain('Your answer matches')
    expect(right).toMatch(/value="good"[^>]*autofocus=""/)
  })

  it('accepts a command spelled another way, and lets the learner overrule a typed answer marked wrong', async () => {
    const { user, db } = await setup()
    await db
      .update(cards)
      .set({ answer: 'docker container ls --all', answerHtml: '<p><code>docker container ls --all</code></p>' })
      .where(eq(cards.id, 'docker-cli-000'))
    const question = (await page(user.browser, '/review?deck=docker&topic=cli')).html
    const alias = (await reveal(user.browser, question, 'docker ps -a')).html
    expect(alias).toContain('Your answer matches')
    expect(alias).not.toContain('I was right')
    const wrong = (await reveal(user.browser, question, 'docker ps --all --quiet')).html
    expect(wrong).toContain('Your answer differs')
    expect(wrong).toMatch(/value="again"[^>]*autofocus=""/)
    const link = /<a href="([^"]+)" id="overrule" data-key="r">I was right<\/a>/
      .exec(wrong)?.[1]
      ?.replaceAll('&amp;', '&')
    expect(link).toContain('right=1')
    const overruled = (await page(user.browser, link ?? '')).html
    expect(overruled).toContain('You marked your answer right')
    expect(overruled).toMatch(/value="good"[^>]*autofocus=""/)
    expect(overruled).not.toContain('id="overrule"')
    expect(field(overruled, 'cardId')).toBe('docker-cli-000')
  })

  it('escapes card text that contains a script tag', async () => {
    const { user, db } = await setup()
    await db
      .update(cards)
      .set({
        prompt: 'What does <script>alert(1)</script> do?',
        promptHtml: '<p>What does <script>alert(1)</script> do?</p>',
        answer: 'It runs <img src=x onerror=alert(2)>',
        answerHtml: '<p>It runs <img src=x onerror=alert(2)></p>',
      })
      .where(eq(cards.id, 'docker-architecture-000'))
    const question = (await page(user.browser, '/review?deck=docker')).html
    expect(question).not.toContain('<script>alert(1)')
    expect(question).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const answer = (await reveal(user.browser, question)).html
    expect(answer).not.toContain('<img src=x')
    expect(answer).toContain('&lt;img src=x onerror=alert(2)&gt;')
  })

  it('sums up the session and says when the next card is due once nothing is left', async () => {
    const { user } = await setup({ newCardsPerDay: 2, learnAheadMinutes: 0 })
    for (const rating of ['again', 'good']) {
      const answer = (await reveal(user.browser, (await page(user.browser, '/review?deck=docker')).html)).html
      expect((await grade(user.browser, answer, rating)).status).toBe(303)
    }
    const { html } = await page(user.browser, '/review?deck=docker')
    expect(html).toContain('All done for now')
    expect(html).toMatch(/Reviewed today<\/dt><dd id="done-count">2<\/dd>/)
    expect(html).toMatch(/Answered “Again”<\/dt><dd>1<\/dd>/)
    expect(html).toContain('The next card is due in 1 minute.')
    expect(html).toContain('href="/"')
  })

  it('shows learning cards within the learn-ahead limit after the rest, then waits and refreshes itself', async () => {
    const { user, clock } = await setup({ newCardsPerDay: 2, learnAheadMinutes: 5 })
    const seen: string[] = []
    const answerShown = async (rating: string) => {
      const question = (await page(user.browser, '/review?deck=docker')).html
      seen.push(field(question, 'card'))
      expect((await grade(user.browser, (await reveal(user.browser, question)).html, rating)).status).toBe(303)
    }
    await answerShown('again') // due in 1 minute: within the 5-minute learn-ahead
    await answerShown('good') // due in 10 minutes
    await answerShown('good') // the first card again, shown ahead of time instead of "come back in 1 minute"
    expect(seen[2]).toBe(seen[0])
    const waiting = (await page(user.browser, '/review?deck=docker')).html
    expect(waiting).toContain('All done for now')
    expect(waiting).toContain('The next card is due in 10 minutes.')
    // Shown 5 minutes before it is due (learn-ahead), plus a second: 301 s.
    expect(waiting).toContain('<meta http-equiv="refresh" content="301"/>')
    expect(waiting).toContain('data-refresh-in="301"')
    clock.advance(301_000)
    const back = (await page(user.browser, '/review?deck=docker')).html
    // Both cards are due at the same instant (the test clock stood still): ties go by card id.
    expect(field(back, 'card')).toBe([seen[0], seen[1]].sort()[0])
    expect(back).not.toContain('http-equiv="refresh"')
  })

  it('answers 404 for an unknown deck and 400 for a malformed card, never 500', async () => {
    const { user } = await setup()
    expect((await page(user.browser, '/review?deck=kubernetes')).status).toBe(404)
    expect((await page(user.browser, '/review?deck=docker&topic=nope')).status).toBe(404)
    const bad = await page(user.browser, '/review/answer?deck=docker&card=%3Cx%3E&shownAt=2026-01-15T12:00:00.000Z')
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('card')
    expect(
      (await page(user.browser, '/review/answer?deck=docker&card=nope&shownAt=2026-01-15T12:00:00.000Z')).status,
    ).toBe(404)
    expect((await user.browser.submit('/review/grade', { deck: 'docker', cardId: 'x', rating: 'meh' })).status).toBe(
      400,
    )
    expect((await user.browser.submit('/review/cards/nope/suspend', { deck: 'docker' })).status).toBe(404)
  })

  it('keeps the review page with its CSS and JS under 30 KB', async () => {
    const { user } = await setup()
    for (const path of ['/review?deck=docker', '/review/answer']) {
      const html =
        path === '/review/answer'
          ? (await reveal(user.browser, (await page(user.browser, '/review?deck=docker')).html)).html
          : (await page(user.browser, path)).html
      const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
      expect(assets.length).toBe(3)
      let bytes = new TextEncoder().encode(html).length
      for (const asset of assets) bytes += (await (await user.browser.request(asset)).arrayBuffer()).byteLength
      console.info(`${path}: ${bytes} bytes with ${assets.join(', ')}`)
      expect(bytes).toBeLessThan(30 * 1024)
    }
  })
})

describe('the settings page', () => {
  const valid = {
    desiredRetention: '0.85',
    newCardsPerDay: '5',
    maxReviewsPerDay: '150',
    learningSteps: '2m, 15m 1h',
    relearningSteps: '5m',
    timezone: 'Europe/Berlin',
    dayStartsAt: '3',
    leechThreshold: '6',
    examDate: '2026-06-30',
    learnAheadMinutes: '5',
    buryInterdayLearningSiblings: 'on',
    maximumInterval: '365',
  }

  it('saves the form through the API’s rules and shows the saved values', async () => {
    const { user } = await setup()
    const form = (await page(user.browser, '/settings')).html
    expect(form).toMatch(/<label for="desiredRetention">Desired retention<\/label><input id="desiredRetention"/)
    const res = await user.browser.submit('/settings', valid)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/settings?saved=1')
    const api = await (await user.browser.request('/api/v1/settings')).json()
    expect(api).toMatchObject({
      desiredRetention: 0.85,
      newCardsPerDay: 5,
      maxReviewsPerDay: 150,
      learningSteps: ['2m', '15m', '1h'],
      relearningSteps: ['5m'],
      timezone: 'Europe/Berlin',
      dayStartsAt: 3,
      leechThreshold: 6,
      examDate: '2026-06-30',
      fuzz: false,
      learnAheadMinutes: 5,
      // Unchecked boxes send nothing: off.
      buryNewSiblings: false,
      buryReviewSiblings: false,
      buryInterdayLearningSiblings: true,
      maximumInterval: 365,
    })
    const saved = (await page(user.browser, '/settings?saved=1')).html
    expect(saved).toContain('Settings saved.')
    expect(saved).toContain('value="2m 15m 1h"')
    expect(saved).toMatch(/<input id="learnAheadMinutes" name="learnAheadMinutes" type="number"[^>]* value="5"/)
    expect(saved).toContain('<option value="Europe/Berlin" selected="">')
    expect(saved).toMatch(/<input id="buryInterdayLearningSiblings"[^>]* checked=""/)
    expect(saved).not.toMatch(/<input id="buryNewSiblings"[^>]* checked=""/)
  })

  it('shows each invalid setting next to its field, keeps what was typed and saves nothing', async () => {
    const { user } = await setup()
    const res = await user.browser.submit('/settings', {
      ...valid,
      desiredRetention: '1.5',
      newCardsPerDay: 'lots',
      learningSteps: '30s',
      timezone: 'Mars/Olympus',
      fuzz: 'on',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('4 settings need fixing.')
    expect(html).toMatch(
      /aria-invalid="true" aria-describedby="desiredRetention-hint desiredRetention-error"\/>.*?<p id="desiredRetention-error" class="error field-error">Must be a number from 0.70 to 0.99<\/p>/,
    )
    expect(html).toContain(
      '<p id="newCardsPerDay-error" class="error field-error">Must be a whole number from 0 to 9999</p>',
    )
    expect(html).toContain('id="learningSteps-error"')
    expect(html).toContain('id="timezone-error"')
    expect(html).toContain('value="lots"')
    expect(html).toContain('<option value="Mars/Olympus" selected="">')
    const api = await (await user.browser.request('/api/v1/settings')).json()
    expect(api).toMatchObject({ desiredRetention: 0.9, newCardsPerDay: 20, timezone: 'UTC', fuzz: false })
  })

  it('clears the exam date when the field is left empty', async () => {
    const { user } = await setup({ examDate: '2026-03-01' })
    expect((await user.browser.submit('/settings', { ...valid, examDate: '', fuzz: 'on' })).status).toBe(303)
    const api = (await (await user.browser.request('/api/v1/settings')).json()) as Record<string, unknown>
    expect(api.examDate).toBeUndefined()
    expect(api.fuzz).toBe(true)
  })
})

describe('exam mode on the review page', () => {
  it('carries mode=exam through reveal and grading, and is offered by the readiness panel', async () => {
    const { app, db } = await createTestApp()
    await seedDeck(db)
    const { browser } = await signUp(app)
    await browser.request('/api/v1/settings', { method: 'PUT', json: { examDate: '2026-03-01' } })
    expect(await (await browser.request('/progress')).text()).toContain('href="/review?deck=docker&amp;mode=exam"')
    const page = await (await browser.request('/review?deck=docker&mode=exam')).text()
    expect(page).toContain('exam mode')
    expect(page).toContain('name="mode" value="exam"')
  })
})
