import { describe, expect, it } from 'vitest'
import { teamMembers, teams } from '../../src/db/schema'
import { type Browser, createTestApp, signUp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

/**
 * Finding 1 (high): token scopes were ignored on HTML pages. A token with only `progress:read`
 * read `/teams` and `/settings`, read owner-only results, and posted every team form (the
 * attacker sets both the CSRF cookie and the field). Pages now take the browser session only.
 */
async function post<T = { id: string }>(browser: Browser, path: string, json: unknown = {}): Promise<T> {
  const res = await browser.request(path, { method: 'POST', json })
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

async function fixture() {
  const t = await createTestApp()
  await seedCheckDeck(t.db)
  const owner = await signUp(t.app, 'Owner')
  const member = await signUp(t.app, 'Member')
  const team = await post(owner.browser, '/api/v1/teams', { name: 'Platform' })
  const first = await post<{ code: string }>(owner.browser, `/api/v1/teams/${team.id}/invites`)
  await post(member.browser, `/api/v1/invites/${first.code}/accept`)
  const { code } = await post<{ code: string }>(owner.browser, `/api/v1/teams/${team.id}/invites`)
  const check = await post(owner.browser, `/api/v1/teams/${team.id}/checks`, {
    title: 'Check',
    deck: 'docker',
    questionCount: 3,
  })
  const quiz = await post(owner.browser, '/api/v1/quizzes', { count: 3 })
  const exam = await post(owner.browser, '/api/v1/exams', { questionCount: 3, minutes: 10, format: 'mcq' })
  const { token } = await post<{ token: string }>(owner.browser, '/api/v1/tokens', {
    name: 'narrow',
    scopes: ['progress:read'],
  })
  const params: Record<string, string> = {
    ':id': team.id,
    ':userId': member.userId,
    ':code': code,
    ':slug': 'docker',
    ':topic': 'containers',
    ':action': 'suspend',
  }
  const fill = (path: string) => {
    const id = path.startsWith('/checks')
      ? check.id
      : path.startsWith('/exams')
        ? exam.id
        : path.startsWith('/quiz')
          ? quiz.id
          : team.id
    return path.replace(/:\w+/g, (name) => (name === ':id' ? id : (params[name] ?? name)))
  }
  return { ...t, owner, token, fill }
}

/** Every page route the app registers: all but the API, public assets (icons, manifest, service worker) and health. */
function pageRoutes(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const seen = new Set<string>()
  return app.routes
    .filter(
      (r) =>
        (r.method === 'GET' || r.method === 'POST') &&
        !/^\/(api|assets|healthz|favicon\.ico|icon\.svg|manifest\.webmanifest|sw\.js)\b/.test(r.path),
    )
    .filter((r) => !r.path.includes('*') && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
}

describe('finding 1: pages take the browser session only', () => {
  it('answers 401 to a narrow bearer token on every page route, reading nothing and writing nothing', async () => {
    const t = await fixture()
    const routes = pageRoutes(t.app)
    expect(routes.length).toBeGreaterThan(30)
    const before = {
      teams: (await t.db.select().from(teams)).length,
      members: (await t.db.select().from(teamMembers)).length,
    }
    const csrf = 'attacker-chosen-csrf-token'
    const refused: string[] = []
    for (const route of routes) {
      const path = t.fill(route.path)
      const res = await t.app.request(`http://127.0.0.1:8787${path}`, {
        method: route.method,
        headers: {
          authorization: `Bearer ${t.token}`,
          cookie: `dockdeck_csrf=${csrf}`,
          origin: 'http://127.0.0.1:8787',
          ...(route.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(route.method === 'POST'
          ? { body: new URLSearchParams({ _csrf: csrf, name: 'Hijacked', role: 'owner' }).toString() }
          : {}),
      })
      if (res.status !== 401) refused.push(`${route.method} ${path} → ${res.status}`)
    }
    expect(refused).toEqual([])
    expect((await t.db.select().from(teams)).length).toBe(before.teams)
    expect((await t.db.select().from(teamMembers)).length).toBe(before.members)
  })

  it('still serves the pages to the browser session, marked private and not stored', async () => {
    const t = await fixture()
    for (const path of ['/teams', '/settings', `/checks/${t.fill('/checks/:id').split('/')[2]}/results`]) {
      const res = await t.owner.browser.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
    }
  })

  it('still takes the same token on the API routes its scope allows', async () => {
    const t = await fixture()
    const res = await t.app.request('/api/v1/progress', { headers: { authorization: `Bearer ${t.token}` } })
    expect(res.status).toBe(200)
  })
})
