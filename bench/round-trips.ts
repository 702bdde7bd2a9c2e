import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/libsql'
import { createApp } from '../src/app'
import { schema } from '../src/db/schema'
import { syncContent } from '../src/services/content-sync'
import { recordingClient } from './lib/recording-client'
import { benchPasswordParams, benchRateLimits, migratedFile, tempDir } from './lib/setup'
import { printTable } from './lib/stats'

/**
 * Database round trips per request, per route: on Workers every `execute` or `batch` is a
 * network round trip to Turso or D1, which the embedded file of the other benchmarks hides.
 * A recording client around the real one counts them. Counts include the caller's session or
 * token lookup. `budgets` are issue 14's targets; the run fails (CI runs it) when a route goes
 * over its `ceilings`, the counts as landed, so a change cannot add a round trip unnoticed.
 * Lower a ceiling when a route gets cheaper; one above its budget is debt (docs/deploy.md).
 */
const budgets = {
  'POST /auth/login (sign-in)': 2,
  'GET /review/next': 2,
  'POST /reviews (answer)': 1,
  'POST /reviews/undo': 2,
  'POST /cards/:id/suspend': 2,
  'POST /reviews/undo (a suspend)': 2,
  'GET /progress': 2,
  'POST /exams/:id/submit (5 questions)': 2,
  'POST /exams/:id/submit (55 questions)': 2,
  'GET /checks/:id/results': 2,
} as const
type Route = keyof typeof budgets

/**
 * Answer, undo and exam submit check the session in their first batch (signed cookie); answer
 * is computed from the snapshot the next card came with (as the browser sends it), so it only
 * writes. Suspend still reads its card apart: the count the CI holds the line at.
 */
const ceilings: Record<Route, number> = {
  ...budgets,
  'POST /cards/:id/suspend': 3,
}

const opened = await migratedFile(join(tempDir(), 'round-trips.db'))
await syncContent(opened.db, 'content', Date.now())
const recorder = recordingClient(opened.client)
const db = drizzle(recorder.client, { schema })
const app = createApp({ database: () => db, passwordParams: benchPasswordParams, rateLimits: benchRateLimits })

const counted = new Map<Route, { trips: number; statements: number }>()
let cookie = ''
async function call(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { cookie, ...init.headers }
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(`http://127.0.0.1/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
  const set = res.headers.getSetCookie()[0]
  if (set) cookie = set.split(';')[0] ?? ''
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few fields of each answer
  return (await res.json()) as any
}
/** Runs one request with the recorder on and stores its count under `route`. */
async function count<T>(route: Route, request: () => Promise<T>): Promise<T> {
  recorder.mark()
  const result = await request()
  const group = recorder.groups.at(-1) ?? []
  recorder.stop()
  const statements = group.reduce((n, item) => n + (item.kind === 'batch' ? item.stmts.length : 1), 0)
  counted.set(route, { trips: group.length, statements })
  if (process.env.TRIPS_DEBUG)
    for (const item of group)
      console.log(
        route,
        item.kind === 'batch'
          ? `batch[${item.stmts.map((s) => (typeof s === 'string' ? s : s.sql).slice(0, 90)).join(' | ')}]`
          : (typeof item.stmt === 'string' ? item.stmt : item.stmt.sql).slice(0, 160),
      )
  return result
}

const password = 'benchmark password 1'
await call('/auth/register', { method: 'POST', json: { email: 'owner@example.com', password } })
cookie = ''
await count('POST /auth/login (sign-in)', () =>
  call('/auth/login', { method: 'POST', json: { email: 'owner@example.com', password } }),
)
await call('/settings', { method: 'PUT', json: { newCardsPerDay: 9999, maxReviewsPerDay: 9999 } })

for (let i = 0; i < 3; i++) {
  const next = await count('GET /review/next', () => call('/review/next?deck=docker'))
  await count('POST /reviews (answer)', () =>
    call('/reviews', {
      method: 'POST',
      json: { cardId: next.card.id, rating: 'good', shownAt: next.shownAt, snapshot: next.snapshot },
      headers: { 'idempotency-key': `trip-${i}` },
    }),
  )
}
await count('POST /reviews/undo', () => call('/reviews/undo', { method: 'POST' }))
const shown = await call('/review/next?deck=docker')
await count('POST /cards/:id/suspend', () => call(`/cards/${shown.card.id}/suspend`, { method: 'POST' }))
await count('POST /reviews/undo (a suspend)', () => call('/reviews/undo', { method: 'POST' }))
await count('GET /progress', () => call('/progress?deck=docker'))

for (const questionCount of [5, 55] as const) {
  const exam = await call('/exams', { method: 'POST', json: { questionCount, format: 'mcq' } })
  for (const q of exam.questions as { id: string; options: { id: string }[] }[])
    await call(`/exams/${exam.id}/answers/${q.id}`, { method: 'PUT', json: { choice: q.options[0]?.id } })
  await count(`POST /exams/:id/submit (${questionCount} questions)`, () =>
    call(`/exams/${exam.id}/submit`, { method: 'POST' }),
  )
}

const team = await call('/teams', { method: 'POST', json: { name: 'Platform' } })
const check = await call(`/teams/${team.id}/checks`, {
  method: 'POST',
  json: { title: 'Basics', deck: 'docker', questionCount: 10 },
})
const view = await call(`/checks/${check.id}`)
const answers = (view.questions as { id: string; options?: { id: string }[] }[]).map((q) => ({
  questionId: q.id,
  choice: q.options?.[0]?.id ?? 'docker ps',
}))
await call(`/checks/${check.id}/submissions`, { method: 'POST', json: { answers } })
await count('GET /checks/:id/results', () => call(`/checks/${check.id}/results`))
opened.client.close()

const rows = (Object.keys(budgets) as Route[]).map((route) => {
  const got = counted.get(route) ?? { trips: Number.NaN, statements: Number.NaN }
  return {
    route,
    'round trips': got.trips,
    statements: got.statements,
    budget: budgets[route],
    ceiling: ceilings[route],
    verdict: got.trips > ceilings[route] ? 'OVER CEILING' : got.trips > budgets[route] ? 'over budget' : 'ok',
  }
})
printTable('database round trips per request (session lookup included)', rows)
const over = rows.filter((row) => !(row['round trips'] <= row.ceiling))
if (over.length > 0) {
  console.error(`over the ceiling: ${over.map((row) => row.route).join(', ')}`)
  process.exit(1)
}
