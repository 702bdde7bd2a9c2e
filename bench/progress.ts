import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { InStatement } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { createApp } from '../src/app'
import type { Db } from '../src/db/index'
import { cardStates, cards, decks, reviewLogs, schema, topics, users } from '../src/db/schema'
import { type CardMemory, createScheduler, type RatingName } from '../src/domain/scheduling'
import { recordingClient } from './lib/recording-client'
import { benchPasswordParams, migratedFile, registerUser, tempDir } from './lib/setup'
import { percentile, printTable } from './lib/stats'

const DAY = 86_400_000

export interface HistoryOptions {
  userId: string
  cardIds: readonly string[]
  /** UTC midnight of the first simulated day. */
  start: number
  days: number
  newPerDay: number
  /** Share of days skipped entirely, so streaks break now and then. */
  skipRate?: number
  seed?: number
}

type LogRow = typeof reviewLogs.$inferInsert
type StateRow = typeof cardStates.$inferInsert

/** Small seeded generator (mulberry32), so every run builds the same history. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A learner studying every evening with the real scheduler: due cards first, then new ones,
 * then learning steps until none is left for the session. Returns the rows to insert.
 */
export function simulateHistory(options: HistoryOptions): { logs: LogRow[]; states: StateRow[] } {
  const rng = random(options.seed ?? 42)
  const scheduler = createScheduler({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz: true,
    timezone: 'UTC',
    dayStartsAt: 4,
  })
  const memory = new Map<string, CardMemory>()
  const logs: LogRow[] = []
  const pick = (state: number): RatingName => {
    const r = rng()
    const again = state === 2 ? 0.1 : 0.15
    return r < again ? 'again' : r < again + 0.1 ? 'hard' : r < 0.93 ? 'good' : 'easy'
  }
  let introduced = 0
  for (let day = 0; day < options.days; day++) {
    if (rng() < (options.skipRate ?? 0.05)) continue
    let now = options.start + day * DAY + 17 * 3_600_000 + Math.floor(rng() * 3 * 3_600_000)
    const sessionEnd = options.start + (day + 1) * DAY
    const answer = (cardId: string) => {
      const before = memory.get(cardId) ?? null
      const { next, log } = scheduler.rate(before, pick(before?.state ?? 0), now)
      memory.set(cardId, next)
      const durationMs = 3000 + Math.floor(rng() * 12_000)
      logs.push({ userId: options.userId, cardId, ...log, durationMs, origin: 'review' })
      now += durationMs
    }
    const due = [...memory].filter(([, m]) => m.state !== 0 && m.due < sessionEnd).sort((a, b) => a[1].due - b[1].due)
    for (const [cardId] of due) answer(cardId)
    const fresh = options.cardIds.slice(introduced, introduced + options.newPerDay)
    introduced += fresh.length
    for (const cardId of fresh) answer(cardId)
    for (let round = 0; round < 20; round++) {
      const learning = [...memory].filter(([, m]) => (m.state === 1 || m.state === 3) && m.due < sessionEnd)
      if (learning.length === 0) break
      for (const [cardId, m] of learning.sort((a, b) => a[1].due - b[1].due)) {
        now = Math.max(now, m.due)
        answer(cardId)
      }
    }
  }
  const states: StateRow[] = [...memory].map(([cardId, m]) => ({
    userId: options.userId,
    cardId,
    ...m,
    suspended: false,
    leech: false,
    buriedUntil: null,
    version: m.reps,
    updatedAt: m.lastReview ?? options.start,
  }))
  return { logs, states }
}

/** Inserts a simulated history in large batches (one transaction per batch). */
export async function insertHistory(db: Db, history: { logs: LogRow[]; states: StateRow[] }): Promise<void> {
  const chunk = <T>(rows: T[], size: number) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))
  for (const part of chunk(history.states, 1000)) await db.insert(cardStates).values(part)
  for (const parts of chunk(chunk(history.logs, 1000), 10)) {
    const [first, ...rest] = parts.map((part) => db.insert(reviewLogs).values(part))
    if (first) await db.batch([first, ...rest])
  }
}

const topicCount = 10
const cardsPerTopic = 1000
const warmup = 5
const runs = Number(process.env.BENCH_ITERATIONS ?? 50)

/** A deck of 10 topics x 1000 cards, ids interleaved across topics in the order new cards come. */
async function seedBenchDeck(db: Db, now: number): Promise<string[]> {
  await db.insert(decks).values({ slug: 'docker', title: 'Docker', updatedAt: now })
  const names = Array.from({ length: topicCount }, (_, t) => `topic-${t}`)
  await db
    .insert(topics)
    .values(names.map((slug, t) => ({ deck: 'docker', slug, title: `Topic ${t}`, file: `${slug}.md` })))
  const rows = names.flatMap((topic, t) =>
    Array.from({ length: cardsPerTopic }, (_, i) => ({
      ...{
        id: `docker-${topic}-${i}`,
        deck: 'docker',
        topic,
        kind: 'basic',
        prompt: `Prompt ${i}`,
        answer: `Answer ${i}`,
      },
      ...{
        promptHtml: `<p>Prompt ${i}</p>`,
        answerHtml: `<p>Answer ${i}</p>`,
        sourceFile: `${topic}.md`,
        sourceLine: i,
      },
      ...{ group: topic, position: i * topicCount + t, contentHash: `h${i}`, createdAt: now, updatedAt: now },
    })),
  )
  for (let i = 0; i < rows.length; i += 500) await db.insert(cards).values(rows.slice(i, i + 500))
  return rows.sort((a, b) => a.position - b.position).map((r) => r.id)
}

const ms = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) })

/**
 * `GET /api/v1/progress` for a learner with ~100k answers over a year (America/New_York, so the
 * year crosses two DST changes), through `app.request`, beside each SQL statement it sends timed
 * alone on the same libSQL client: the heaviest one, and all of them back to back.
 */
export async function run(): Promise<void> {
  const started = performance.now()
  const dir = tempDir()
  const { client, db: plainDb } = await migratedFile(join(dir, 'progress.db'))
  const start = Date.UTC(2025, 0, 1)
  const now = start + 365 * DAY + 14 * 3_600_000
  const ids = await seedBenchDeck(plainDb, now)
  const { cookie, userId } = await registerUser(plainDb, 'learner@example.com')
  const settings = JSON.stringify({ timezone: 'America/New_York', dayStartsAt: 4 })
  await plainDb.update(users).set({ settings })
  const history = simulateHistory({ userId, cardIds: ids, start, days: 365, newPerDay: 28 })
  await insertHistory(plainDb, history)
  const setupMs = performance.now() - started

  const recorder = recordingClient(client)
  const db = drizzle(recorder.client, { schema })
  const app = createApp({ database: () => db, clock: () => now, passwordParams: benchPasswordParams })
  const endpoint: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    if (i === warmup) recorder.mark()
    const t0 = performance.now()
    const res = await app.request('http://127.0.0.1/api/v1/progress', { headers: { cookie } })
    if (res.status !== 200) throw new Error(`progress answered ${res.status}: ${await res.text()}`)
    await res.arrayBuffer()
    if (i >= warmup) endpoint.push(performance.now() - t0)
    if (i === warmup) recorder.stop()
  }

  const statements: InStatement[] = (recorder.groups[0] ?? []).flatMap((r) => (r.kind === 'batch' ? r.stmts : [r.stmt]))
  const times = statements.map(() => [] as number[])
  const all: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now()
    for (const [k, stmt] of statements.entries()) {
      const s0 = performance.now()
      await client.execute(stmt)
      if (i >= warmup) times[k]?.push(performance.now() - s0)
    }
    if (i >= warmup) all.push(performance.now() - t0)
  }
  const sqlOf = (stmt: InStatement | undefined) => (typeof stmt === 'string' ? stmt : (stmt?.sql ?? ''))
  const label = (k: number) => `${sqlOf(statements[k]).replace(/\s+/g, ' ').trim().slice(0, 56)}…`
  const each = times.map((t, k) => ({ measured: label(k), ...ms(t) })).sort((a, b) => b.p50 - a.p50)
  printTable(
    `progress: ${history.logs.length} answers, ${history.states.length} cards seen, ${ids.length} in the deck`,
    [
      { measured: 'GET /api/v1/progress (app.request)', ...ms(endpoint) },
      { measured: `all ${statements.length} statements, back to back`, ...ms(all) },
      ...each.map((row, i) => (i === 0 ? { ...row, measured: `heaviest: ${row.measured}` } : row)),
    ],
  )
  const overhead = percentile(endpoint, 50) - percentile(all, 50)
  console.log(`endpoint over its SQL at p50: ${overhead.toFixed(1)} ms; setup ${(setupMs / 1000).toFixed(1)} s`)
  client.close()
  rmSync(dir, { recursive: true, force: true })
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
