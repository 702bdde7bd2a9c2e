import { eq } from 'drizzle-orm'
import { hc } from 'hono/client'
import { describe, expect, it } from 'vitest'
import { checks } from '../../src/db/schema'
import type { Question } from '../../src/domain/exam'
import type { AppType } from '../../src/routes/api'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

/** A typed client that calls the app in-process, authenticated with an API token. */
function clientFor(app: TestApp['app'], token: string) {
  return hc<AppType>('http://localhost/api/v1', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
    headers: { authorization: `Bearer ${token}` },
  })
}

async function token(browser: Browser): Promise<string> {
  const res = await browser.request('/api/v1/tokens', { method: 'POST', json: { name: 'script' } })
  return ((await res.json()) as { token: string }).token
}

describe('the typed hc client', () => {
  it('runs a knowledge check end to end: team, invites, check, two submissions, results and CSV', async () => {
    const { app, db } = await createTestApp()
    await seedCheckDeck(db)
    const people = await Promise.all(['Olivia', 'Max', 'Ida'].map((name) => signUp(app, name)))
    const [owner, max, ida] = await Promise.all(people.map(async (p) => clientFor(app, await token(p.browser))))

    const team = await (await owner!.teams.$post({ json: { name: 'Platform' } })).json()
    expect(team.role).toBe('owner')
    for (const member of [max!, ida!]) {
      const invite = await owner!.teams[':id'].invites.$post({ param: { id: team.id }, json: {} })
      expect(invite.status).toBe(201)
      const { code } = await invite.json()
      const joined = await member.invites[':code'].accept.$post({ param: { code } })
      expect((await joined.json()).team.id).toBe(team.id)
    }
    const members = await (await owner!.teams[':id'].$get({ param: { id: team.id } })).json()
    expect(members.members.map((m) => m.role)).toEqual(['owner', 'member', 'member'])

    const created = await owner!.teams[':id'].checks.$post({
      param: { id: team.id },
      json: { title: 'Before the migration', deck: 'docker', questionCount: 5 },
    })
    expect(created.status).toBe(201)
    const check = await created.json()
    const seen = await (await max!.checks[':id'].$get({ param: { id: check.id } })).json()
    expect(seen.questions).toHaveLength(5)

    const [row] = await db.select().from(checks).where(eq(checks.id, check.id))
    const key = JSON.parse(row!.questions) as Question[]
    const answer = (right: number) =>
      key.map((q, i) => {
        if (q.kind === 'typein') return { questionId: q.id, choice: i < right ? q.answer : 'nope' }
        const wrong = q.options.find((o) => o.id !== q.answerOptionId)!.id
        return { questionId: q.id, choice: i < right ? q.answerOptionId : wrong }
      })
    const first = await max!.checks[':id'].submissions.$post({ param: { id: check.id }, json: { answers: answer(5) } })
    expect(first.status).toBe(201)
    expect((await first.json()).correct).toBe(5)
    const second = await ida!.checks[':id'].submissions.$post({ param: { id: check.id }, json: { answers: answer(2) } })
    expect((await second.json()).correct).toBe(2)

    const res = await owner!.checks[':id'].results.$get({ param: { id: check.id }, query: {} })
    expect(res.status).toBe(200)
    const results = (await res.json()) as {
      members: { name: string; correct: number }[]
      mostMissed: { misses: number }[]
      notSubmitted: { name: string }[]
    }
    expect(results.members.map((m) => [m.name, m.correct])).toEqual([
      ['Max', 5],
      ['Ida', 2],
    ])
    expect(results.mostMissed.map((q) => q.misses)).toEqual([1, 1, 1])
    expect(results.notSubmitted.map((m) => m.name)).toEqual(['Olivia'])

    const csv = await owner!.checks[':id'].results.$get({ param: { id: check.id }, query: { format: 'csv' } })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text()).trimEnd().split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(0, 1)[0])).toEqual(['Max', 'Ida'])

    const refused = await max!.checks[':id'].results.$get({ param: { id: check.id }, query: {} })
    expect(refused.status).toBe(403)
  })
})
