import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { checks } from '../../src/db/schema'
import type { Question } from '../../src/domain/exam'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

const hour = 3_600_000

async function setup() {
  const clock = createClock()
  const t = await createTestApp({ clock })
  await seedCheckDeck(t.db)
  const owner = await signUp(t.app, 'Olivia')
  const team = (await (
    await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
  ).json()) as {
    id: string
  }
  const join = async (name: string) => {
    const user = await signUp(t.app, name)
    const res = await owner.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST' })
    const { code } = (await res.json()) as { code: string }
    expect((await user.browser.request(`/api/v1/invites/${code}/accept`, { method: 'POST' })).status).toBe(200)
    return user
  }
  return { ...t, clock, owner, team, join }
}

async function createCheck(browser: Browser, teamId: string, body: Record<string, unknown> = {}) {
  const res = await browser.request(`/api/v1/teams/${teamId}/checks`, {
    method: 'POST',
    json: { title: 'Docker basics', deck: 'docker', questionCount: 6, ...body },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; questionCount: number; status: string }
}

/** The stored questions, answers included, as only the server knows them. */
async function answerKey(db: TestApp['db'], checkId: string): Promise<Question[]> {
  const [row] = await db.select().from(checks).where(eq(checks.id, checkId))
  return JSON.parse(row!.questions) as Question[]
}

function answers(questions: Question[], right: (q: Question, i: number) => boolean) {
  return questions.map((q, i) => {
    if (q.kind === 'typein') return { questionId: q.id, choice: right(q, i) ? q.answer : 'docker nope' }
    const wrong = q.options.find((o) => o.id !== q.answerOptionId)!.id
    return { questionId: q.id, choice: right(q, i) ? q.answerOptionId : wrong }
  })
}

const submit = (browser: Browser, checkId: string, body: unknown) =>
  browser.request(`/api/v1/checks/${checkId}/submissions`, { method: 'POST', json: body })

describe('knowledge checks', () => {
  it('gives every member the same questions, without answers or card ids', async () => {
    const { owner, team, join } = await setup()
    const [max, ida] = [await join('Max'), await join('Ida')]
    const check = await createCheck(owner.browser, team.id)
    expect(check).toMatchObject({ questionCount: 6, status: 'open', format: 'mcq' })
    const seen = await Promise.all(
      [max, ida].map(async (m) => (await (await m.browser.request(`/api/v1/checks/${check.id}`)).json()) as object),
    )
    const [a, b] = seen as { questions: Record<string, unknown>[] }[]
    expect(a!.questions).toHaveLength(6)
    expect(b!.questions).toEqual(a!.questions)
    const text = JSON.stringify(a)
    for (const secret of ['answerOptionId', 'cardId', '"answer"', 'docker-architecture-'])
      expect(text).not.toContain(secret)
  })

  it('scores a submission by topic and accepts only one per member', async () => {
    const { owner, team, join, db } = await setup()
    const max = await join('Max')
    const check = await createCheck(owner.browser, team.id)
    const key = await answerKey(db, check.id)
    const res = await submit(max.browser, check.id, { answers: answers(key, (_, i) => i < 4) })
    expect(res.status).toBe(201)
    const score = (await res.json()) as { correct: number; total: number; topics: { correct: number; total: number }[] }
    expect(score).toMatchObject({ correct: 4, total: 6, score: 4 / 6 })
    expect(score.topics.map((t) => t.total).reduce((x, y) => x + y)).toBe(6)
    expect(score.topics.map((t) => t.correct).reduce((x, y) => x + y)).toBe(4)
    const again = await submit(max.browser, check.id, { answers: [] })
    expect(again.status).toBe(409)
    const view = (await (await max.browser.request(`/api/v1/checks/${check.id}`)).json()) as { submission: unknown }
    expect(view.submission).toMatchObject({ correct: 4, total: 6 })
  })

  it('rejects submissions before the check opens and after it closes, with check_closed', async () => {
    const { owner, team, join, clock } = await setup()
    const max = await join('Max')
    const opensAt = new Date(clock.now + hour).toISOString()
    const closesAt = new Date(clock.now + 2 * hour).toISOString()
    const check = await createCheck(owner.browser, team.id, { opensAt, closesAt })
    expect(check.status).toBe('upcoming')
    const early = await submit(max.browser, check.id, { answers: [] })
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({ code: 'check_closed', detail: expect.stringContaining('opens at') })
    const hidden = (await (await max.browser.request(`/api/v1/checks/${check.id}`)).json()) as { questions: [] }
    expect(hidden.questions).toEqual([])
    clock.advance(2 * hour)
    const late = await submit(max.browser, check.id, { answers: [] })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ code: 'check_closed', detail: expect.stringContaining('closed at') })
  })

  it('shows a member their answer beside the right one once the check has closed, and not before', async () => {
    const { owner, team, join, clock, db } = await setup()
    const max = await join('Max')
    const check = await createCheck(owner.browser, team.id, {
      closesAt: new Date(clock.now + hour).toISOString(),
    })
    const key = await answerKey(db, check.id)
    const given = answers(key, (_, i) => i % 2 === 0)
    expect((await submit(max.browser, check.id, { answers: given })).status).toBe(201)
    const read = async () =>
      (await (await max.browser.request(`/api/v1/checks/${check.id}`)).json()) as {
        answers: { id: string; correct: boolean; answer: { text: string }; given: { text: string } | null }[] | null
      }
    expect((await read()).answers).toBeNull()
    const page = await (await max.browser.request(`/checks/${check.id}`)).text()
    expect(page).toContain('once the check closes')
    expect(page).not.toContain('Your answers')

    clock.advance(hour)
    const after = (await read()).answers ?? []
    expect(after.map((a) => a.id)).toEqual(key.map((q) => q.id))
    expect(after.map((a) => a.correct)).toEqual(key.map((_, i) => i % 2 === 0))
    for (const [i, q] of key.entries()) {
      const right = q.kind === 'typein' ? q.answer : q.options.find((o) => o.id === q.answerOptionId)?.text
      const chosen = given[i]?.choice
      const mine = q.kind === 'typein' ? chosen : q.options.find((o) => o.id === chosen)?.text
      expect(after[i]?.answer.text).toBe(right)
      expect(after[i]?.given?.text).toBe(mine)
    }
    const closed = await (await max.browser.request(`/checks/${check.id}`)).text()
    expect(closed).toContain('Your answers')
    expect(closed.match(/class="result-question /g)).toHaveLength(key.length)
  })

  it('names the field at fault in a submission or a new check', async () => {
    const { owner, team, join, db } = await setup()
    const max = await join('Max')
    const check = await createCheck(owner.browser, team.id)
    const [first] = await answerKey(db, check.id)
    const cases: [unknown, string][] = [
      [{ answers: [{ questionId: 'q-nope', choice: 'a' }] }, 'answers.0.questionId'],
      [{ answers: [{ questionId: first!.id, choice: 'zz' }] }, 'answers.0.choice'],
      [{ answers: [{ questionId: first!.id }] }, 'answers.0.choice'],
    ]
    for (const [body, field] of cases) {
      const res = await submit(max.browser, check.id, body)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ field })
    }
    const bad: [Record<string, unknown>, string][] = [
      [{ deck: 'kubernetes' }, 'deck'],
      [{ topics: ['networking'] }, 'topics'],
      [{ questionCount: 0 }, 'questionCount'],
      [{ format: 'domc' }, 'format'],
      [{ opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' }, 'closesAt'],
    ]
    for (const [body, field] of bad) {
      const res = await owner.browser.request(`/api/v1/teams/${team.id}/checks`, {
        method: 'POST',
        json: { title: 'x', deck: 'docker', questionCount: 3, ...body },
      })
      expect(res.status, field).toBe(400)
      expect(await res.json()).toMatchObject({ field })
    }
  })

  it('scores type-in answers in a mixed check', async () => {
    const { owner, team, join, db } = await setup()
    const max = await join('Max')
    const check = await createCheck(owner.browser, team.id, { format: 'mixed', questionCount: 20, topics: ['cli'] })
    const key = await answerKey(db, check.id)
    const typein = key.find((q) => q.kind === 'typein')
    expect(typein).toBeDefined()
    const res = await submit(max.browser, check.id, { answers: answers(key, (q) => q.kind === 'typein') })
    expect(await res.json()).toMatchObject({ correct: 1 })
  })

  it('keeps members of other teams out of a check (404) and members out of its results (403)', async () => {
    const { app, owner, team, join } = await setup()
    const max = await join('Max')
    const check = await createCheck(owner.browser, team.id)
    const stranger = await signUp(app, 'Eve')
    for (const path of [`/api/v1/checks/${check.id}`, `/api/v1/checks/${check.id}/results`]) {
      expect((await stranger.browser.request(path)).status).toBe(404)
    }
    expect((await submit(stranger.browser, check.id, { answers: [] })).status).toBe(404)
    const results = await max.browser.request(`/api/v1/checks/${check.id}/results`)
    expect(results.status).toBe(403)
    expect(await results.json()).toMatchObject({ code: 'forbidden' })
    const create = await stranger.browser.request(`/api/v1/teams/${team.id}/checks`, {
      method: 'POST',
      json: { title: 'Mine now', deck: 'docker', questionCount: 2 },
    })
    expect(create.status).toBe(404)
  })
})

describe('check results', () => {
  it('reports member scores, topic averages, the five most missed questions and who is missing', async () => {
    const { owner, team, join, db } = await setup()
    const [max, ida] = [await join('Max'), await join('Ida')]
    await join('Sam')
    const check = await createCheck(owner.browser, team.id, { questionCount: 8 })
    const key = await answerKey(db, check.id)
    await submit(max.browser, check.id, { answers: answers(key, (_, i) => i >= 6) })
    await submit(ida.browser, check.id, { answers: answers(key, (_, i) => i >= 2) })
    const res = await owner.browser.request(`/api/v1/checks/${check.id}/results`)
    expect(res.status).toBe(200)
    const results = (await res.json()) as {
      members: { name: string; correct: number }[]
      topics: { correct: number; total: number; average: number }[]
      mostMissed: { questionId: string; misses: number; prompt: string; answer: string }[]
      notSubmitted: { name: string }[]
    }
    expect(results.members.map((m) => [m.name, m.correct])).toEqual([
      ['Max', 2],
      ['Ida', 6],
    ])
    expect(results.topics.reduce((s, t) => s + t.correct, 0)).toBe(8)
    expect(results.topics.reduce((s, t) => s + t.total, 0)).toBe(16)
    expect(results.mostMissed.map((q) => q.misses)).toEqual([2, 2, 1, 1, 1])
    expect(results.mostMissed.slice(0, 2).map((q) => q.questionId)).toEqual([key[0]!.id, key[1]!.id])
    expect(results.mostMissed[0]).toMatchObject({ prompt: key[0]!.prompt, answer: expect.stringMatching(/\w/) })
    expect(results.notSubmitted.map((m) => m.name).sort()).toEqual(['Olivia', 'Sam'])
  })

  it('exports the results as CSV, a row per member, with formula-like names neutralised', async () => {
    const { owner, team, join, db } = await setup()
    const max = await join('=HYPERLINK("x")')
    const check = await createCheck(owner.browser, team.id, { questionCount: 4 })
    await submit(max.browser, check.id, { answers: answers(await answerKey(db, check.id), () => true) })
    const res = await owner.browser.request(`/api/v1/checks/${check.id}/results?format=csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('name,email,submitted_at,correct,total,score_percent,architecture,cli')
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""x""\)",user\d+-\d+@example\.com,2026-01-15T12:00:00\.000Z,4,4,100,100,100$/,
    )
    expect(lines[2]).toMatch(/^Olivia,/)
    expect(lines.at(-1)).toBe('team average,,,,,,100,100')
    const bad = await owner.browser.request(`/api/v1/checks/${check.id}/results?format=xml`)
    expect(bad.status).toBe(400)
  })
})
