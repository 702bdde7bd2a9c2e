import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cards, reviewLogs } from '../../src/db/schema'
import { csvCell } from '../../src/format'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000

/** RFC 4180 reader, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field])
      row = []
      field = ''
      i++
    } else field += ch
  }
  return rows
}

async function studied(t: TestApp, browser: Browser) {
  const answer = (cardId: string, rating: string, durationMs?: number) =>
    browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating, durationMs } })
  for (const [cardId, rating] of [
    ['docker-architecture-000', 'good'],
    ['docker-architecture-001', 'again'],
    ['docker-cli-000', 'easy'],
    ['docker-architecture-001', 'good'],
  ] as const) {
    expect((await answer(cardId, rating, 4200)).status).toBe(201)
    t.clock.advance(11 * minute)
  }
  expect((await answer('docker-cli-001', 'hard')).status).toBe(201)
  expect((await browser.request('/api/v1/reviews/undo', { method: 'POST' })).status).toBe(200)
}

async function setup() {
  const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
  await seedDeck(t.db)
  const user = await signUp(t.app)
  await studied(t, user.browser)
  const rows = await t.db
    .select()
    .from(reviewLogs)
    .where(eq(reviewLogs.userId, user.userId))
    .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id))
  return { ...t, user, kept: rows.filter((r) => r.undoneAt === null) }
}

const states = ['new', 'learning', 'review', 'relearning']
const ratings = ['', 'again', 'hard', 'good', 'easy']

/** What the export must say about a log, derived from the row as stored. */
function expected(row: typeof reviewLogs.$inferSelect) {
  const [, topic] = /^docker-(\w+)-/.exec(row.cardId) ?? []
  return {
    id: row.id,
    cardId: row.cardId,
    deck: 'docker',
    topic,
    rating: ratings[row.rating],
    reviewedAt: new Date(row.reviewedAt).toISOString(),
    durationMs: row.durationMs,
    stateBefore: states[row.state],
    dueBefore: new Date((JSON.parse(row.before) as { due: number }).due).toISOString(),
    stateAfter: states[row.stateAfter],
    dueAfter: new Date(row.dueAfter).toISOString(),
    origin: row.origin,
  }
}

describe('GET /api/v1/reviews/export', () => {
  it('round-trips every answer that was not undone as JSON, oldest first', async () => {
    const { user, kept } = await setup()
    const res = await user.browser.request('/api/v1/reviews/export?format=json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dockdeck-reviews-2026-01-15.json"')
    expect(kept).toHaveLength(4)
    expect(await res.json()).toEqual(kept.map(expected))
  })

  it('round-trips the same answers as CSV with a header row', async () => {
    const { user, kept } = await setup()
    const res = await user.browser.request('/api/v1/reviews/export?format=csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dockdeck-reviews-.*\.csv"$/)
    const [header, ...lines] = parseCsv(await res.text())
    const want = kept.map(expected)
    expect(header).toEqual(Object.keys(want[0] ?? {}))
    expect(lines).toEqual(want.map((log) => Object.values(log).map((v) => (v === null ? '' : String(v)))))
  })

  it('streams a history longer than many pages, each answer exactly once and in order', async () => {
    const { user, db, kept } = await setup()
    const template = kept[0]!
    const extra = Array.from({ length: 1234 }, (_, i) => {
      const { id: _id, ...row } = template
      return { ...row, reviewedAt: Date.UTC(2025, 0, 1) + Math.floor(i / 3) * minute }
    })
    for (let i = 0; i < extra.length; i += 400) await db.insert(reviewLogs).values(extra.slice(i, i + 400))
    const res = await user.browser.request('/api/v1/reviews/export?format=json')
    expect(res.body).toBeInstanceOf(ReadableStream)
    const logs = (await res.json()) as { id: number; reviewedAt: string }[]
    expect(logs).toHaveLength(1234 + kept.length)
    expect(new Set(logs.map((l) => l.id)).size).toBe(logs.length)
    const order = logs.map((l) => [Date.parse(l.reviewedAt), l.id] as const)
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
  })

  it("exports an empty history as a header or an empty array, and never another user's answers", async () => {
    const { app } = await setup()
    const other = await signUp(app, 'Grace')
    expect(await (await other.browser.request('/api/v1/reviews/export?format=json')).json()).toEqual([])
    const csv = await (await other.browser.request('/api/v1/reviews/export')).text()
    expect(csv.split('\r\n')).toEqual([
      'id,cardId,deck,topic,rating,reviewedAt,durationMs,stateBefore,dueBefore,stateAfter,dueAfter,origin',
      '',
    ])
  })

  it('exports a log whose `before` is not JSON with an empty due, and still answers the stats', async () => {
    const { user, db, kept } = await setup()
    const { id: _id, ...row } = kept[0]!
    await db.insert(reviewLogs).values({ ...row, before: 'not json', reviewedAt: row.reviewedAt + 1 })
    const logs = (await (await user.browser.request('/api/v1/reviews/export?format=json')).json()) as {
      dueBefore: string | null
    }[]
    expect(logs.map((l) => l.dueBefore === null)).toEqual([false, true, false, false, false])
    expect((await user.browser.request('/api/v1/progress')).status).toBe(200)
  })

  it('refuses an unknown format naming the field, and callers without progress:read', async () => {
    const { app, user } = await setup()
    const bad = await user.browser.request('/api/v1/reviews/export?format=xml')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'format' })
    expect((await app.request('/api/v1/reviews/export')).status).toBe(401)
  })

  it('quotes CSV fields holding commas, quotes or line breaks', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(-3)).toBe('-3')
    expect(parseCsv(`${['x,"y"', 'z\r\nw'].map(csvCell).join(',')}\r\n`)).toEqual([['x,"y"', 'z\r\nw']])
  })

  it('neutralises deck and topic names a spreadsheet would run as formulas in the CSV export', async () => {
    const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
    const [cardId = ''] = await seedDeck(t.db, { topics: ['cli'], perTopic: 1 })
    await t.db.update(cards).set({ topic: '=HYPERLINK("x")' }).where(eq(cards.id, cardId))
    const user = await signUp(t.app)
    const answered = await user.browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating: 'good' } })
    expect(answered.status).toBe(201)
    const rows = parseCsv(await (await user.browser.request('/api/v1/reviews/export?format=csv')).text())
    const topic = rows[0]?.indexOf('topic') ?? -1
    expect(rows[1]?.[topic]).toBe(`'=HYPERLINK("x")`)
  })
})
