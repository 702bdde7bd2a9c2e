import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNodeServer } from '../helpers/node-server'
import { problemsWith, verify } from './verify'
import { type LoadStats, learnersEnv, newStats, type PendingAnswer, report, signUpLearner, study } from './workload'

/**
 * `npm run test:crash`: learners study while the server is killed with SIGKILL at several
 * points and restarted on the same database file. Every review acknowledged before a kill must
 * be there afterwards, exactly once, on its card; the file must pass integrity_check; the server
 * must serve. Each round reports how many answers were on the wire when the kill landed, and the
 * run fails if no kill cut any (it would have proved nothing about interrupted writes).
 */
const users = Number(process.env.CRASH_USERS ?? 20)
/**
 * Each round kills once this many answers of the round are acknowledged and at least one more is
 * on the wire, so every kill cuts a write whatever the machine's speed (a kill after a fixed time
 * on a busy machine landed before the first answer); after `maxWaitMs` it kills anyway.
 */
const killAfterAcks = (process.env.CRASH_KILL_AFTER_ACKS ?? '5,20,40').split(',').map(Number)
const maxWaitMs = 60_000

/** Resolves when the round has `acks` acknowledged answers and one on the wire, or at the time limit. */
async function killPoint(stats: LoadStats, acks: number): Promise<void> {
  const deadline = performance.now() + maxWaitMs
  while (performance.now() < deadline && (stats.acks.length < acks || stats.pending.size === 0))
    await new Promise((resolve) => setTimeout(resolve, 1))
}
const dir = mkdtempSync(join(tmpdir(), 'dockdeck-crash-'))
const dbPath = join(dir, 'crash.db')
const run = Date.now().toString(36)
const stats = newStats()
const cut: PendingAnswer[] = []
let failed = false

let server = await startNodeServer(dbPath, learnersEnv)
try {
  const learners = await Promise.all(Array.from({ length: users }, (_, i) => signUpLearner(server.origin, i, run)))
  for (const [round, acks] of killAfterAcks.entries()) {
    let stopped = false
    const roundStats = newStats()
    const started = performance.now()
    const origin = server.origin
    const studying = Promise.all(
      learners.map((learner) => study(origin, learner, 10_000, roundStats, () => stopped, `k${round}-`)),
    )
    await killPoint(roundStats, acks)
    // What the kill cuts: the answers on the wire at this instant (sent, not yet answered).
    const onTheWire = [...roundStats.pending.values()]
    server.child.kill('SIGKILL')
    cut.push(...onTheWire)
    await server.exited
    stopped = true
    await studying
    report(`round ${round + 1}: killed after ${acks} acknowledged answers`, roundStats, performance.now() - started)
    console.log(`round ${round + 1}: ${onTheWire.length} answers on the wire when the kill landed`)
    stats.acks.push(...roundStats.acks)
    for (const [code, n] of roundStats.statuses) stats.statuses.set(code, (stats.statuses.get(code) ?? 0) + n)
    server = await startNodeServer(dbPath, learnersEnv)
    const health = await fetch(`${server.origin}/healthz`)
    if (health.status !== 200) throw new Error(`after restart /healthz answered ${health.status}`)
  }
  server.child.kill('SIGTERM')
  await server.exited
  const verdict = await verify(dbPath, stats.acks, run, cut)
  console.log('verdict', verdict)
  const problems = problemsWith(verdict, stats, { crashed: true })
  // A kill that cut no answer proves nothing about writes interrupted half-way.
  if (verdict.cut === 0) problems.push('no kill landed while an answer was on the wire')
  if (problems.length) {
    failed = true
    console.error(`CRASH TEST FAILED:\n- ${problems.join('\n- ')}`)
  } else
    console.log(
      `crash test passed: ${killAfterAcks.length} SIGKILLs cut ${verdict.cut} answers on the wire ` +
        `(${verdict.cutCommitted - verdict.cutAcknowledged} committed but unanswered, ` +
        `${verdict.cutAcknowledged} committed and answered just before, ${verdict.cut - verdict.cutCommitted} not written at all); ` +
        `${verdict.acknowledged} acknowledged reviews each found once, on its card, with its rating and time ` +
        `(${verdict.recorded} recorded: the extra ones were committed but their answer was lost in the kill)`,
    )
} finally {
  if (server.child.exitCode === null) server.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
