import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNodeServer } from '../helpers/node-server'
import { problemsWith, verify } from './verify'
import { learnersEnv, newStats, report, signUpLearner, study } from './workload'

/**
 * `npm run test:load`: the real Node server on the embedded file database, 50 learners
 * studying at once over loopback, then a check of the database file. Bounded: LOAD_USERS ×
 * LOAD_REVIEWS answers (defaults 50 × 200; CI runs a smaller count), and it stops by itself.
 */
const users = Number(process.env.LOAD_USERS ?? 50)
const reviews = Number(process.env.LOAD_REVIEWS ?? 200)
const dir = mkdtempSync(join(tmpdir(), 'dockdeck-load-'))
const dbPath = join(dir, 'load.db')
const run = Date.now().toString(36)

const server = await startNodeServer(dbPath, learnersEnv)
let failed = false
try {
  const started = performance.now()
  const learners = await Promise.all(Array.from({ length: users }, (_, i) => signUpLearner(server.origin, i, run)))
  console.log(
    `${users} learners signed up in ${((performance.now() - started) / 1000).toFixed(1)} s (scrypt on the server)`,
  )
  const stats = newStats()
  const loadStarted = performance.now()
  await Promise.all(learners.map((learner) => study(server.origin, learner, reviews, stats)))
  report(`load (${users} learners × ${reviews} answers)`, stats, performance.now() - loadStarted)
  server.child.kill('SIGTERM')
  await server.exited
  const verdict = await verify(dbPath, stats.acks, run)
  console.log('verdict', verdict)
  const problems = problemsWith(verdict, stats, { crashed: false })
  if (problems.length) {
    failed = true
    console.error(`LOAD TEST FAILED:\n- ${problems.join('\n- ')}`)
  } else console.log('load test passed: every acknowledged review recorded exactly once, every state replays')
} finally {
  if (server.child.exitCode === null) server.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
