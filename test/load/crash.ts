import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNodeServer } from '../helpers/node-server'
import { problemsWith, verify } from './verify'
import { learnersEnv, newStats, report, signUpLearner, study } from './workload'

/**
 * `npm run test:crash`: learners study while the server is killed with SIGKILL at several
 * points and restarted on the same database file. Every review acknowledged before a kill must
 * be there afterwards, exactly once; the file must pass integrity_check; the server must serve.
 */
const users = Number(process.env.CRASH_USERS ?? 20)
const killAfterMs = (process.env.CRASH_KILL_MS ?? '700,1500,2500').split(',').map(Number)
const dir = mkdtempSync(join(tmpdir(), 'dockdeck-crash-'))
const dbPath = join(dir, 'crash.db')
const run = Date.now().toString(36)
const stats = newStats()
let failed = false

let server = await startNodeServer(dbPath, learnersEnv)
try {
  const learners = await Promise.all(Array.from({ length: users }, (_, i) => signUpLearner(server.origin, i, run)))
  for (const [round, delay] of killAfterMs.entries()) {
    let stopped = false
    const roundStats = newStats()
    const started = performance.now()
    const origin = server.origin
    const studying = Promise.all(
      learners.map((learner) => study(origin, learner, 10_000, roundStats, () => stopped, `k${round}-`)),
    )
    await new Promise((resolve) => setTimeout(resolve, delay))
    server.child.kill('SIGKILL')
    await server.exited
    stopped = true
    await studying
    report(`round ${round + 1}: killed after ${delay} ms`, roundStats, performance.now() - started)
    stats.acks.push(...roundStats.acks)
    for (const [code, n] of roundStats.statuses) stats.statuses.set(code, (stats.statuses.get(code) ?? 0) + n)
    server = await startNodeServer(dbPath, learnersEnv)
    const health = await fetch(`${server.origin}/healthz`)
    if (health.status !== 200) throw new Error(`after restart /healthz answered ${health.status}`)
  }
  server.child.kill('SIGTERM')
  await server.exited
  const verdict = await verify(dbPath, stats.acks, run)
  console.log('verdict', verdict)
  const problems = problemsWith(verdict, stats, { crashed: true })
  if (problems.length) {
    failed = true
    console.error(`CRASH TEST FAILED:\n- ${problems.join('\n- ')}`)
  } else
    console.log(
      `crash test passed: ${killAfterMs.length} SIGKILLs, ${verdict.acknowledged} acknowledged reviews all present once ` +
        `(${verdict.recorded} recorded: the extra ones were committed but their answer was lost in the kill)`,
    )
} finally {
  if (server.child.exitCode === null) server.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
