import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { describe, expect, it } from 'vitest'
import { connectDatabase } from '../../src/db/connect'
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate'
import { checks } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

/**
 * Finding 2 (medium): a check's questions were built with seed = check id, which members see,
 * and quizzes and exams take a caller-chosen seed and run the same builder, so a quiz with
 * `seed=<checkId>` rebuilt the check and its verdicts gave the answer key. The same replay
 * worked on another user's exam and on one's own running exam. A question's id is drawn from
 * the builder's random stream, so two questions with the same id come from the same seed.
 */

interface Question {
  id: string
  prompt: string
  options: { id: string; text: string }[]
}

async function setup() {
  const clock = createClock()
  const t = await createTestApp({ clock })
  await seedCheckDeck(t.db)
  const owner = await signUp(t.app, 'Olivia')
  const member = await signUp(t.app, 'Max')
  const team = (await (
    await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
  ).json()) as {
    id: string
  }
  const invite = await owner.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST' })
  const { code } = (await invite.json()) as { code: string }
  expect((await member.browser.request(`/api/v1/invites/${code}/accept`, { method: 'POST' })).status).toBe(200)
  return { ...t, owner, member, team }
}

async function createCheck(browser: Browser, teamId: string, body: Record<string, unknown> = {}) {
  const res = await browser.request(`/api/v1/teams/${teamId}/checks`, {
    method: 'POST',
    json: { title: 'Docker basics', deck: 'docker', questionCount: 10, format: 'mcq', ...body },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string }
}

async function post<T>(browser: Browser, path: string, json: unknown, status = 201): Promise<T> {
  const res = await browser.request(path, { method: 'POST', json })
  expect(res.status, await res.clone().text()).toBe(status)
  return (await res.json()) as T
}

const startQuiz = (browser: Browser, body: Record<string, unknown>) =>
  post<{ id: string; questions: Question[] }>(browser, '/api/v1/quizzes', { deck: 'docker', count: 10, ...body })

const startExam = (browser: Browser, body: Record<string, unknown>) =>
  post<{ id: string; questions: Question[] }>(browser, '/api/v1/exams', {
    deck: 'docker',
    questionCount: 10,
    format: 'mcq',
    draw: 'notes',
    ...body,
  })

/** What a replay would have to reproduce: each question's id, stem and options in order. */
const shape = (questions: Question[]) => questions.map((q) => [q.id, q.prompt, q.options.map((o) => o.text)])
const sharedIds = (a: Question[], b: Question[]) => a.filter((q) => b.some((other) => other.id === q.id)).length

describe("finding 2: a check's answer key cannot be rebuilt from a seed", () => {
  it("a quiz seeded with the check's id rebuilds none of its questions, so its verdicts give no key", async () => {
    const { owner, member, team } = await setup()
    const check = await createCheck(owner.browser, team.id)
    const view = (await (await member.browser.request(`/api/v1/checks/${check.id}`)).json()) as {
      questions: Question[]
    }
    expect(view.questions).toHaveLength(10)
    const quiz = await startQuiz(member.browser, { seed: check.id })
    expect(sharedIds(view.questions, quiz.questions)).toBe(0)
    expect(shape(quiz.questions)).not.toEqual(shape(view.questions))
  })

  it("an exam seeded with the check's id rebuilds none of its questions, even before the check opens", async () => {
    const { owner, member, team, clock } = await setup()
    const check = await createCheck(owner.browser, team.id, { opensAt: new Date(clock.now + 3_600_000).toISOString() })
    const ownerView = (await (await owner.browser.request(`/api/v1/checks/${check.id}`)).json()) as {
      questions: Question[]
    }
    const exam = await startExam(member.browser, { seed: check.id })
    expect(sharedIds(ownerView.questions, exam.questions)).toBe(0)
  })

  it("another user's seed does not reproduce their quiz or their exam", async () => {
    const { owner, member } = await setup()
    const mine = await startQuiz(owner.browser, { seed: 'team-standup' })
    const again = await startQuiz(owner.browser, { seed: 'team-standup' })
    expect(shape(again.questions)).toEqual(shape(mine.questions))
    const theirs = await startQuiz(member.browser, { seed: 'team-standup' })
    expect(sharedIds(theirs.questions, mine.questions)).toBe(0)
    const exam = await startExam(owner.browser, { seed: 'mock-1' })
    const copy = await startExam(member.browser, { seed: 'mock-1' })
    expect(sharedIds(copy.questions, exam.questions)).toBe(0)
  })

  it('replaying the seed of your own running exam reveals none of its answers', async () => {
    const { owner } = await setup()
    const running = await startExam(owner.browser, { seed: 'my-exam' })
    // A second exam with the same seed and settings, one with a question more, and a quiz: each
    // would have carried the running exam's questions, and their results or verdicts its answers.
    const same = await startExam(owner.browser, { seed: 'my-exam' })
    const longer = await startExam(owner.browser, { seed: 'my-exam', questionCount: 11 })
    const quiz = await startQuiz(owner.browser, { seed: 'my-exam' })
    for (const replay of [same, longer, quiz]) expect(sharedIds(replay.questions, running.questions)).toBe(0)
    const result = await post<{ seed: string; questions: { id: string }[] }>(
      owner.browser,
      `/api/v1/exams/${same.id}/submit`,
      undefined,
      200,
    )
    expect(result.questions.filter((q) => running.questions.some((r) => r.id === q.id))).toEqual([])
  })

  it('still replays an exam of your own once it is submitted', async () => {
    const { owner } = await setup()
    const first = await startExam(owner.browser, { seed: 'retake-me' })
    await post(owner.browser, `/api/v1/exams/${first.id}/submit`, undefined, 200)
    const retake = await startExam(owner.browser, { seed: 'retake-me' })
    expect(shape(retake.questions)).toEqual(shape(first.questions))
  })

  it("never sends a check's seed, on the API or its pages", async () => {
    const { owner, member, team, db } = await setup()
    const check = await createCheck(owner.browser, team.id)
    const [row] = await db.select({ seed: checks.seed }).from(checks).where(eq(checks.id, check.id))
    expect(row?.seed).toMatch(/^[\w-]{22}$/)
    const seen: string[] = []
    const read = async (browser: Browser, path: string, init?: RequestInit & { json?: unknown }) => {
      const res = await browser.request(path, init)
      expect(res.status, path).toBeLessThan(300)
      seen.push(await res.text())
    }
    await read(member.browser, `/api/v1/checks/${check.id}`)
    await read(member.browser, `/api/v1/teams/${team.id}/checks`)
    await read(member.browser, `/api/v1/checks/${check.id}/submissions`, { method: 'POST', json: { answers: [] } })
    await read(owner.browser, `/api/v1/checks/${check.id}/results`)
    await read(owner.browser, `/api/v1/teams/${team.id}`)
    await read(member.browser, `/checks/${check.id}`)
    await read(owner.browser, `/checks/${check.id}/results`)
    await read(owner.browser, `/teams/${team.id}`)
    for (const text of seen) expect(text).not.toContain(row?.seed)
  })

  it('gives the checks made before the seed column a random seed each', async () => {
    // The migrations as they stood before the seed column, then the rest, as a deployed database sees them.
    const dir = mkdtempSync(join(tmpdir(), 'dockdeck-seed-'))
    try {
      const journalPath = join(migrationsFolder, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
      const before = journal.entries.findIndex((e) => e.tag.endsWith('_check_seed'))
      expect(before).toBeGreaterThan(0)
      cpSync(migrationsFolder, join(dir, 'migrations'), { recursive: true })
      writeFileSync(
        join(dir, 'migrations', 'meta', '_journal.json'),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }),
      )
      const { db, close } = await connectDatabase({ url: `file:${join(dir, 'old.db')}` })
      await migrate(db, { migrationsFolder: join(dir, 'migrations') })
      await db.run(sql`insert into users (id, email, password_hash, created_at) values ('u1', 'o@example.com', 'x', 0)`)
      await db.run(sql`insert into teams (id, name, created_by, created_at) values ('t1', 'Ops', 'u1', 0)`)
      for (const id of ['c1', 'c2'])
        await db.run(sql`insert into checks (id, team_id, title, deck, format, questions, created_by, created_at)
          values (${id}, 't1', 'Old', 'docker', 'mcq', '[]', 'u1', 0)`)
      await migrateDatabase(db)
      const seeds = (await db.select({ seed: checks.seed }).from(checks)).map((r) => r.seed)
      close()
      expect(seeds).toHaveLength(2)
      for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{32}$/)
      expect(new Set(seeds).size).toBe(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
