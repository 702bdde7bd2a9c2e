import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { drizzle } from 'drizzle-orm/libsql'
import { createApp } from '../src/app'
import { schema } from '../src/db/schema'
import { syncContent } from '../src/services/content-sync'
import { type Recorded, recordingClient, replay } from './lib/recording-client'
import {
  benchPasswordParams,
  benchRateLimits,
  closeFile,
  copyDatabase,
  migratedFile,
  openFile,
  registerUser,
  tempDir,
} from './lib/setup'
import { printTable, summarise } from './lib/stats'
import { runQueueScaling } from './review-scaling'

const warmup = 50
const iterations = Number(process.env.BENCH_ITERATIONS ?? 400)
const ratings = ['good', 'good', 'again', 'good', 'easy', 'hard'] as const

/**
 * Next card + answer through the whole HTTP stack (node-server, Hono, validation, auth,
 * scheduling) on the embedded file database, beside a floor: the very SQL statements the app
 * ran, replayed straight on @libsql/client against a copy of the starting database.
 */
export async function httpVersusFloor(): Promise<void> {
  const dir = tempDir()
  const appPath = join(dir, 'app.db')
  const floorPath = join(dir, 'floor.db')
  const seed = await migratedFile(appPath)
  await syncContent(seed.db, 'content', Date.now())
  const { cookie } = await registerUser(seed.db)
  const settings = createApp({ database: () => seed.db })
  await settings.request('http://127.0.0.1/api/v1/settings', {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ newCardsPerDay: 9999, maxReviewsPerDay: 9999 }),
  })
  await closeFile(seed.client)
  copyDatabase(appPath, floorPath)

  const opened = await openFile(appPath)
  const recorder = recordingClient(opened.client)
  const db = drizzle(recorder.client, { schema })
  const app = createApp({ database: () => db, passwordParams: benchPasswordParams, rateLimits: benchRateLimits })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  const measured: boolean[] = []
  const httpTimes: number[] = []
  let wall = 0
  for (let i = 0; i < warmup + iterations; i++) {
    const timed = i >= warmup
    const started = performance.now()
    recorder.mark()
    measured.push(timed)
    const next = (await (await fetch(`${origin}/api/v1/review/next?deck=docker`, { headers: { cookie } })).json()) as {
      card: { id: string } | null
    }
    const afterNext = performance.now()
    if (!next.card) throw new Error(`the queue ran dry at pair ${i}: ${JSON.stringify(next)}`)
    recorder.mark()
    measured.push(timed)
    const res = await fetch(`${origin}/api/v1/reviews`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
      body: JSON.stringify({ cardId: next.card.id, rating: ratings[i % ratings.length] }),
    })
    if (res.status !== 201) throw new Error(`review failed: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    const done = performance.now()
    if (timed) {
      httpTimes.push(afterNext - started, done - afterNext)
      wall += done - started
    }
  }
  recorder.stop()
  server.close()
  opened.client.close()

  const floor = await openFile(floorPath)
  const floorTimes: number[] = []
  let floorWall = 0
  for (const [i, group] of recorder.groups.entries()) {
    const started = performance.now()
    await replay(floor.client, group as Recorded[])
    const took = performance.now() - started
    if (measured[i]) {
      floorTimes.push(took)
      floorWall += took
    }
  }
  floor.client.close()
  const http = summarise(httpTimes, wall)
  const sql = summarise(floorTimes, floorWall)
  const statements = recorder.groups.slice(-2).flat().length
  printTable(`review loop: ${iterations} × (next card + answer), ${statements} libSQL calls per pair`, [
    {
      path: 'HTTP (node-server + Hono + app)',
      requests: http.n,
      'req/s': http.perSecond,
      'p50 ms': http.p50,
      'p99 ms': http.p99,
    },
    {
      path: 'floor: same SQL on @libsql/client',
      requests: sql.n,
      'req/s': sql.perSecond,
      'p50 ms': sql.p50,
      'p99 ms': sql.p99,
    },
    {
      // Each column HTTP over floor: throughput goal ≥ 0.5 (req/s), latency goal ≤ 2 (p50).
      path: 'ratio HTTP / floor',
      requests: '',
      'req/s': http.perSecond / sql.perSecond,
      'p50 ms': http.p50 / sql.p50,
      'p99 ms': http.p99 / sql.p99,
    },
  ])
}

export async function run(): Promise<void> {
  await httpVersusFloor()
  await runQueueScaling()
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
