import { join } from 'node:path'
import { createApp } from '../src/app'
import { syncContent } from '../src/services/content-sync'
import { benchPasswordParams, benchRateLimits, migratedFile, registerUser, tempDir } from './lib/setup'
import { percentile, printTable } from './lib/stats'

const requests = Number(process.env.BENCH_CPU_REQUESTS ?? 1000)
const targetMs = 2

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/**
 * CPU time per request for next card and answer submit, measured as process CPU time around
 * each in-process `app.request` (no sockets), including the embedded libSQL work on this thread.
 * Workers' free plan allows 10 ms of CPU per request; the target is a 2 ms median.
 */
interface Scenario {
  name: string
  newCardsPerDay: number
  maxReviewsPerDay: number
}

async function measure(scenario: Scenario) {
  const { db } = await migratedFile(join(tempDir(), 'cpu.db'))
  await syncContent(db, 'content', Date.now())
  const { cookie } = await registerUser(db)
  // Time moves 5 minutes per answer, so learning cards come back and the queue mixes states;
  // when the day's queue is empty the clock jumps a day.
  let now = Date.now()
  const app = createApp({
    database: () => db,
    passwordParams: benchPasswordParams,
    rateLimits: benchRateLimits,
    clock: () => now,
  })
  await app.request('http://127.0.0.1/api/v1/settings', {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ newCardsPerDay: scenario.newCardsPerDay, maxReviewsPerDay: scenario.maxReviewsPerDay }),
  })
  const next: number[] = []
  const submit: number[] = []
  for (let i = 0; next.length < requests; i++) {
    let start = process.cpuUsage()
    const res = await app.request('http://127.0.0.1/api/v1/review/next?deck=docker', { headers: { cookie } })
    const body = (await res.json()) as { card: { id: string } | null }
    const nextCpu = cpuMs(start)
    if (!body.card) {
      now += 86_400_000
      continue
    }
    start = process.cpuUsage()
    const answer = await app.request('http://127.0.0.1/api/v1/reviews', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `cpu-${i}` },
      body: JSON.stringify({ cardId: body.card.id, rating: i % 3 === 0 ? 'again' : 'good' }),
    })
    await answer.arrayBuffer()
    const submitCpu = cpuMs(start)
    now += 5 * 60_000
    if (i >= 100) {
      next.push(nextCpu)
      submit.push(submitCpu)
    }
  }
  return { next, submit }
}

/**
 * CPU time per request for next card and answer submit, measured as process CPU time around
 * each in-process `app.request` (no sockets), including the embedded libSQL work on this thread.
 * Workers' free plan allows 10 ms of CPU per request; the target is a 2 ms median.
 */
export async function run(): Promise<void> {
  const rows = []
  for (const scenario of [
    { name: 'default limits (20 new, 200 reviews/day)', newCardsPerDay: 20, maxReviewsPerDay: 200 },
    { name: 'no limits (9999/day: every card counted)', newCardsPerDay: 9999, maxReviewsPerDay: 9999 },
  ]) {
    const { next, submit } = await measure(scenario)
    const row = (request: string, xs: number[]) => ({
      settings: scenario.name,
      request,
      n: xs.length,
      'cpu p50 ms': percentile(xs, 50),
      'cpu p99 ms': percentile(xs, 99),
      'mean ms': xs.reduce((a, b) => a + b, 0) / xs.length,
      verdict: percentile(xs, 50) < targetMs ? `ok (< ${targetMs} ms)` : `OVER ${targetMs} ms`,
    })
    rows.push(row('GET /api/v1/review/next', next), row('POST /api/v1/reviews', submit))
  }
  printTable('CPU time per request (process.cpuUsage around app.request, embedded libSQL)', rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
