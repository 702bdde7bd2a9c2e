import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createTestApp, signUp } from '../helpers/app'
import { seedReviewHistory, simulatedHistory } from '../helpers/review-history'

const project = fileURLToPath(new URL('../..', import.meta.url))
const tsx = join(project, 'node_modules/tsx/dist/cli.mjs')

function run(url: string, ...args: string[]) {
  const out = spawnSync(process.execPath, [tsx, join(project, 'src/cli/fsrs-optimize.ts'), ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  })
  return { code: out.status, stdout: out.stdout, stderr: out.stderr }
}

// Each test spawns the command through tsx, which loads it and fits parameters: 34-46 s a test
// on the shared 2-core machine under load, against the 60 s default.
describe('npm run fsrs:optimize', { timeout: 180_000 }, () => {
  it('fits and saves a user’s parameters from a machine, against the database', async () => {
    const t = await createTestApp()
    const user = await signUp(t.app)
    await seedReviewHistory(t.db, user.userId, simulatedHistory(2000))
    const out = run(t.url, '--email', user.email)
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/^fitted on \d+ reviews \(\d+ held out\)/)
    expect(out.stdout).toContain('saved: the fitted parameters are now in force')
    const weights = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '[]') as number[]
    const settings = (await (await user.browser.request('/api/v1/settings')).json()) as { fsrsWeights: number[] }
    expect(settings.fsrsWeights).toEqual(weights)
  })

  it('says how many reviews are missing, or that no such user exists, and exits non-zero', async () => {
    const t = await createTestApp()
    const user = await signUp(t.app)
    const short = run(t.url, '--email', user.email)
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('fsrs:optimize: fitting needs at least 400 reviews')
    const nobody = run(t.url, '--email', 'nobody@example.com')
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('no user with the email nobody@example.com')
  })
})
