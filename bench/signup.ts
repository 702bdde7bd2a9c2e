import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNodeServer } from '../test/helpers/node-server'
import { percentile, printTable } from './lib/stats'

/**
 * `npm run bench:signup` (issue 11, finding 4): does hashing passwords stall everyone else?
 * The real Node server (production scrypt cost) on a temp database; `/healthz` is polled every
 * 20 ms, first alone (the baseline) and then while 12 sign-ups run at once. Goal: p99 under
 * 200 ms during the sign-ups. Printed, not asserted: timings belong to benchmarks.
 */
const signUps = Number(process.env.BENCH_SIGNUPS ?? 12)
const dir = mkdtempSync(join(tmpdir(), 'dockdeck-bench-signup-'))
const server = await startNodeServer(join(dir, 'bench.db'))

async function pollHealth(until: () => boolean, minMs: number): Promise<number[]> {
  const times: number[] = []
  const started = performance.now()
  while (!until() || performance.now() - started < minMs) {
    const t = performance.now()
    const res = await fetch(`${server.origin}/healthz`)
    await res.arrayBuffer()
    times.push(performance.now() - t)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return times
}

async function signUp(i: number): Promise<number> {
  const t = performance.now()
  const res = await fetch(`${server.origin}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${i}-${Date.now()}@example.com`,
      password: 'correct horse battery staple',
      name: `Bench ${i}`,
    }),
  })
  await res.arrayBuffer()
  if (res.status !== 201) throw new Error(`sign-up ${i}: ${res.status}`)
  return performance.now() - t
}

try {
  await pollHealth(() => true, 500) // warm up
  const baseline = await pollHealth(() => true, 3000)
  let done = false
  const signing = Promise.all(Array.from({ length: signUps }, (_, i) => signUp(i))).finally(() => {
    done = true
  })
  const during = await pollHealth(() => done, 0)
  const signUpMs = await signing
  const row = (phase: string, times: number[]) => ({
    phase,
    requests: times.length,
    'p50 ms': percentile(times, 50),
    'p99 ms': percentile(times, 99),
    'max ms': Math.max(...times),
  })
  printTable('GET /healthz, polled every 20 ms', [
    row('alone (baseline)', baseline),
    row(`during ${signUps} concurrent sign-ups`, during),
  ])
  printTable('the sign-ups themselves', [row(`${signUps} x POST /api/v1/auth/register`, signUpMs)])
  const p99 = percentile(during, 99)
  console.log(
    `\ngoal: /healthz p99 < 200 ms during the sign-ups: ${p99.toFixed(1)} ms, ${p99 < 200 ? 'met' : 'NOT met'}`,
  )
} finally {
  server.child.kill('SIGTERM')
  await server.exited
  rmSync(dir, { recursive: true, force: true })
}
