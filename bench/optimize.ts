import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createApp } from '../src/app'
import { connectDatabase } from '../src/db/connect'
import { migrateDatabase } from '../src/db/migrate'
import { createNodeOptimizer } from '../src/optimizer/node-optimizer'
import { learnerMemory, seedReviewHistory, simulatedHistory } from '../test/helpers/review-history'

/**
 * `npm run bench:optimize`: POST /api/v1/settings/optimize on 2,000 simulated reviews from a learner
 * whose memory is not FSRS-6's default (`learnerMemory`), on a real migrated libSQL file, through
 * the app. Prints the held-out log loss and RMSE of the defaults (the baseline) and of the fit,
 * the request's time beside a GET /api/v1/settings of the same user (the floor), peak memory
 * (process RSS high-water mark) before and after, and the event loop's longest stall during the
 * fit, which stays small because the optimizer runs in a worker thread.
 */
const dir = mkdtempSync(join(tmpdir(), 'dockdeck-bench-optimize-'))
const { db, close } = await connectDatabase({ url: `file:${join(dir, 'bench.db')}` })
try {
  await migrateDatabase(db)
  const app = createApp({
    database: () => db,
    clock: () => Date.UTC(2027, 6, 1),
    passwordParams: { logN: 4, r: 8, p: 1 },
    fsrsOptimizer: createNodeOptimizer(),
  })
  const origin = 'http://127.0.0.1:8787'
  const registered = await app.request(`${origin}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery staple' }),
  })
  const cookie = registered.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const { id: userId } = (await registered.json()) as { id: string }
  const answers = simulatedHistory(2000)
  await seedReviewHistory(db, userId, answers)
  const call = (method: string, path: string) =>
    app.request(`${origin}/api/v1${path}`, { method, headers: { cookie, origin } })

  const floorStarted = performance.now()
  for (let i = 0; i < 20; i++) await (await call('GET', '/settings')).json()
  const floorMs = (performance.now() - floorStarted) / 20

  const rssBefore = process.resourceUsage().maxRSS / 1024
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const started = performance.now()
  const res = await call('POST', '/settings/optimize')
  const ms = performance.now() - started
  loop.disable()
  const rssAfter = process.resourceUsage().maxRSS / 1024
  if (res.status !== 200) throw new Error(`optimize: ${res.status} ${await res.text()}`)
  const fit = (await res.json()) as {
    weights: number[]
    reviews: number
    heldOut: number
    before: { logLoss: number; rmse: number }
    after: { logLoss: number; rmse: number }
    saved: boolean
  }
  const f = (n: number, digits = 4) => n.toFixed(digits)
  console.log(`bench:optimize — ${answers.length} simulated answers, ${fit.reviews} long-term reviews`)
  console.log(`  trained on ${fit.reviews - fit.heldOut}, held out ${fit.heldOut} (one card in five)`)
  console.log('                       log loss   RMSE (bins)')
  console.log(`  FSRS-6 defaults      ${f(fit.before.logLoss)}     ${f(fit.before.rmse)}`)
  console.log(`  fitted               ${f(fit.after.logLoss)}     ${f(fit.after.rmse)}`)
  console.log(
    `  change               ${f(fit.after.logLoss - fit.before.logLoss)}    ${f(fit.after.rmse - fit.before.rmse)}  saved: ${fit.saved}`,
  )
  console.log(`  POST /settings/optimize  ${f(ms, 0)} ms   (floor: GET /settings ${f(floorMs, 1)} ms)`)
  console.log(`  peak RSS                 ${f(rssAfter, 0)} MiB  (before the fit: ${f(rssBefore, 0)} MiB)`)
  console.log(`  event loop stall max     ${f(loop.max / 1e6, 1)} ms during the fit`)
  console.log(`  learner's w[0..3]        ${learnerMemory.slice(0, 4).join(' ')}`)
  console.log(
    `  fitted    w[0..3]        ${fit.weights
      .slice(0, 4)
      .map((w) => f(w, 2))
      .join(' ')}   (defaults 0.21 1.29 2.31 8.30)`,
  )
} finally {
  close()
  rmSync(dir, { recursive: true, force: true })
}
