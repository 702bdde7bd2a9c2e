import { eq } from 'drizzle-orm'
import type { OpenAPIV3_1 } from 'openapi-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { scopes } from '../../src/auth/scopes'
import { apiTokens } from '../../src/db/schema'
import { Browser, createTestApp, signUp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

/**
 * Every /api/v1 route × every kind of caller. The scope a route needs is read from the
 * OpenAPI document (which takes it from the route's `auth()`), and checked both ways: a token
 * without it gets 403, a token with only it gets through.
 */
const personas = ['anonymous', 'revoked', 'expired', 'lacking', 'other', 'member', 'owner', 'scoped'] as const
type Persona = (typeof personas)[number]
/** A status, or `ok` for "authorized: neither 401 nor 403, and never a 5xx". */
type Expected = number | 'ok'

async function post<T = { id: string }>(browser: Browser, path: string, json: unknown = {}): Promise<T> {
  const res = await browser.request(path, { method: 'POST', json })
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** One team (owner, member, a third member to act on), a check, an invite, and the owner's own things. */
async function fixture() {
  const t = await createTestApp()
  await seedCheckDeck(t.db)
  const [owner, member, target, other] = await Promise.all(
    ['Owner', 'Member', 'Target', 'Other'].map((n) => signUp(t.app, n)),
  )
  const team = await post(owner!.browser, '/api/v1/teams', { name: 'Platform' })
  for (const who of [member!, target!]) {
    const { code } = await post<{ code: string }>(owner!.browser, `/api/v1/teams/${team.id}/invites`)
    await post(who.browser, `/api/v1/invites/${code}/accept`)
  }
  const { code } = await post<{ code: string }>(owner!.browser, `/api/v1/teams/${team.id}/invites`)
  const check = await post(owner!.browser, `/api/v1/teams/${team.id}/checks`, {
    title: 'Check',
    deck: 'docker',
    questionCount: 3,
  })
  const quiz = await post<{ id: string; questions: Q[] }>(owner!.browser, '/api/v1/quizzes', { count: 3 })
  const exam = await post<{ id: string; questions: Q[] }>(owner!.browser, '/api/v1/exams', {
    questionCount: 3,
    minutes: 10,
    format: 'mcq',
  })
  const deck = await post<{ slug: string }>(owner!.browser, '/api/v1/decks', {
    name: 'Runbooks',
    slug: 'matrix-team-runbooks',
    team: team.id,
  })
  const note = await owner!.browser.request(`/api/v1/decks/${deck.slug}/notes/ports.md`, {
    method: 'PUT',
    body: '# Ports\n\nPort of the registry? :: 5000\n',
  })
  if (note.status !== 201) throw new Error(`note: ${note.status} ${await note.text()}`)
  const teamCard = ((await note.json()) as { cards: { id: string }[] }).cards[0]!.id
  const token = (tokenScopes: readonly string[]) =>
    post<{ id: string; token: string }>(owner!.browser, '/api/v1/tokens', { name: 'matrix', scopes: tokenScopes })
  /** Made up front: the owner's session may be gone (signed out) by the time they are used. */
  const lacking = Object.fromEntries(
    await Promise.all(scopes.map(async (s) => [s, (await token(scopes.filter((x) => x !== s))).token] as const)),
  )
  const only = Object.fromEntries(await Promise.all(scopes.map(async (s) => [s, (await token([s])).token] as const)))
  const revoked = await token(scopes)
  await owner!.browser.request(`/api/v1/tokens/${revoked.id}`, { method: 'DELETE' })
  const expired = await token(scopes)
  await t.db
    .update(apiTokens)
    .set({ expiresAt: t.clock.now - 1 })
    .where(eq(apiTokens.id, expired.id))
  const spare = await token(['review'])
  const ids = {
    team: team.id,
    check: check.id,
    code,
    quiz: quiz.id,
    exam: exam.id,
    spareToken: spare.id,
    deck: deck.slug,
    teamCard,
  }
  const ref = {
    ...ids,
    targetUser: target!.userId,
    quizQuestion: quiz.questions[0]!,
    examQuestion: exam.questions[0]!,
    ownerEmail: owner!.email,
  }
  return { ...t, owner: owner!, member: member!, other: other!, lacking, only, revoked, expired, ref, ids }
}
type Q = { id: string; options?: { id: string }[] }
type Fixture = Awaited<ReturnType<typeof fixture>>
type Ref = Fixture['ref']

interface RouteCase {
  path: (r: Ref) => string
  body?: (r: Ref, persona: Persona) => unknown
  expect: Partial<Record<Persona, Expected>>
}

const teamRead = (owner: number) => ({ other: 404, member: 200, owner })
let emails = 0
const fresh = () => `matrix-${++emails}-${Date.now()}@example.com`

/** Route → request and the statuses that differ from the generic rules (see `expected`). */
const cases: Record<string, RouteCase> = {
  'POST /auth/register': {
    path: () => '/auth/register',
    body: () => ({ email: fresh(), password: 'correct horse battery staple' }),
    expect: { anonymous: 201, lacking: 201, other: 201, member: 201, owner: 201, scoped: 201 },
  },
  'POST /auth/login': {
    path: () => '/auth/login',
    body: (r) => ({ email: r.ownerEmail, password: 'correct horse battery staple' }),
    expect: { anonymous: 200, lacking: 200, other: 200, member: 200, owner: 200, scoped: 200 },
  },
  'POST /auth/logout': {
    path: () => '/auth/logout',
    expect: { anonymous: 204, lacking: 204, other: 204, member: 204, owner: 204, scoped: 204 },
  },
  'POST /tokens': { path: () => '/tokens', body: () => ({ name: 'x' }), expect: { scoped: 403 } },
  'GET /tokens': { path: () => '/tokens', expect: { scoped: 403 } },
  'DELETE /tokens/:id': {
    path: (r) => `/tokens/${r.spareToken}`,
    expect: { other: 404, member: 404, owner: 204, scoped: 403 },
  },
  'GET /decks': { path: () => '/decks', expect: { lacking: 200 } },
  'GET /decks/:slug/cards': { path: () => '/decks/docker/cards', expect: { lacking: 200 } },
  'POST /decks': {
    path: () => '/decks',
    body: () => ({ name: 'Mine' }),
    expect: { other: 201, member: 201, owner: 201 },
  },
  'GET /decks/:slug/notes': { path: (r) => `/decks/${r.deck}/notes`, expect: teamRead(200) },
  'GET /decks/:slug/notes/:path': { path: (r) => `/decks/${r.deck}/notes/ports.md`, expect: teamRead(200) },
  'PUT /decks/:slug/notes/:path': {
    path: (r) => `/decks/${r.deck}/notes/ports.md`,
    body: () => 'Port of the registry? :: 5000',
    expect: { other: 404, member: 403, owner: 200 },
  },
  'POST /decks/:slug/import': {
    path: (r) => `/decks/${r.deck}/import`,
    body: () => {
      const form = new FormData()
      form.append('file', new File(['Registry port? :: 5000\n'], 'registry.md'))
      return form
    },
    expect: { other: 404, member: 403, owner: 200 },
  },
  'GET /decks/:slug/export': { path: (r) => `/decks/${r.deck}/export?format=csv`, expect: teamRead(200) },
  'DELETE /decks/:slug/notes/:path': {
    path: (r) => `/decks/${r.deck}/notes/ports.md`,
    expect: { other: 404, member: 403, owner: 204 },
  },
  'GET /review/next': { path: () => '/review/next', expect: {} },
  'GET /review/today': { path: () => '/review/today', expect: {} },
  'POST /reviews': { path: () => '/reviews', body: () => ({ cardId: 'docker-cli-001', rating: 'good' }), expect: {} },
  'POST /reviews/undo': { path: () => '/reviews/undo', expect: {} },
  'GET /cards': { path: () => '/cards?q=port', expect: {} },
  'GET /cards/:id': { path: (r) => `/cards/${r.teamCard}`, expect: { other: 404 } },
  'POST /cards/actions': {
    path: () => '/cards/actions',
    body: (r) => ({ action: 'suspend', ids: [r.teamCard] }),
    expect: { other: 404 },
  },
  'POST /cards/actions/undo': { path: () => '/cards/actions/undo', expect: {} },
  'POST /cards/actions/:id/undo': { path: () => '/cards/actions/not-an-action/undo', expect: {} },
  'POST /cards/:id/suspend': { path: () => '/cards/docker-cli-001/suspend', expect: {} },
  'POST /cards/:id/unsuspend': { path: () => '/cards/docker-cli-001/unsuspend', expect: {} },
  'POST /cards/:id/bury': { path: () => '/cards/docker-cli-001/bury', expect: {} },
  'GET /settings': { path: () => '/settings', expect: {} },
  'PUT /settings': { path: () => '/settings', body: () => ({ fuzz: false }), expect: {} },
  'POST /settings/optimize': { path: () => '/settings/optimize', expect: {} },
  'GET /progress': { path: () => '/progress', expect: {} },
  'GET /reviews/export': { path: () => '/reviews/export', expect: {} },
  'GET /readiness': { path: () => '/readiness', expect: {} },
  'POST /quizzes': { path: () => '/quizzes', body: () => ({ count: 2 }), expect: { owner: 201 } },
  'GET /quizzes/:id': { path: (r) => `/quizzes/${r.quiz}`, expect: { other: 404, member: 404, owner: 200 } },
  'POST /quizzes/:id/answers/:questionId': {
    path: (r) => `/quizzes/${r.quiz}/answers/${r.quizQuestion.id}`,
    body: (r) => ({ choice: r.quizQuestion.options?.[0]?.id }),
    expect: { other: 404, member: 404, owner: 200 },
  },
  'GET /exams': { path: () => '/exams', expect: { owner: 200 } },
  'POST /exams': { path: () => '/exams', body: () => ({ questionCount: 2, format: 'mcq' }), expect: { owner: 201 } },
  'GET /exams/:id': { path: (r) => `/exams/${r.exam}`, expect: { other: 404, member: 404, owner: 200 } },
  'PUT /exams/:id/answers/:questionId': {
    path: (r) => `/exams/${r.exam}/answers/${r.examQuestion.id}`,
    body: (r) => ({ choice: r.examQuestion.options?.[0]?.id }),
    expect: { other: 404, member: 404, owner: 200 },
  },
  'POST /exams/:id/submit': { path: (r) => `/exams/${r.exam}/submit`, expect: { other: 404, member: 404, owner: 200 } },
  'POST /teams': {
    path: () => '/teams',
    body: () => ({ name: 'Mine' }),
    expect: { other: 201, member: 201, owner: 201 },
  },
  'GET /teams': { path: () => '/teams', expect: { other: 200, member: 200, owner: 200 } },
  'GET /teams/:id': { path: (r) => `/teams/${r.team}`, expect: teamRead(200) },
  'POST /teams/:id/invites': {
    path: (r) => `/teams/${r.team}/invites`,
    expect: { other: 404, member: 403, owner: 201 },
  },
  'PATCH /teams/:id/members/:userId': {
    path: (r) => `/teams/${r.team}/members/${r.targetUser}`,
    body: () => ({ role: 'owner' }),
    expect: { other: 404, member: 403, owner: 200 },
  },
  'DELETE /teams/:id/members/:userId': {
    path: (r) => `/teams/${r.team}/members/${r.targetUser}`,
    expect: { other: 404, member: 403, owner: 204 },
  },
  'GET /teams/:id/checks': { path: (r) => `/teams/${r.team}/checks`, expect: teamRead(200) },
  'POST /teams/:id/checks': {
    path: (r) => `/teams/${r.team}/checks`,
    body: () => ({ title: 'Another', deck: 'docker', questionCount: 2 }),
    expect: { other: 404, member: 403, owner: 201 },
  },
  'POST /invites/:code/accept': {
    path: (r) => `/invites/${r.code}/accept`,
    expect: { other: 200, member: 409, owner: 409 },
  },
  'GET /checks/:id': { path: (r) => `/checks/${r.check}`, expect: teamRead(200) },
  'POST /checks/:id/submissions': {
    path: (r) => `/checks/${r.check}/submissions`,
    body: () => ({ answers: [] }),
    expect: { other: 404, member: 201, owner: 201, scoped: 409 },
  },
  'GET /checks/:id/results': {
    path: (r) => `/checks/${r.check}/results`,
    expect: { other: 404, member: 403, owner: 200 },
  },
}

type Operation = OpenAPIV3_1.OperationObject
let operations: Map<string, Operation>

beforeAll(async () => {
  const { app } = await createTestApp()
  const doc = (await (await app.request('/api/openapi.json')).json()) as OpenAPIV3_1.Document
  operations = new Map()
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item?.[method]
      if (op) operations.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op)
    }
})

/** `null` for a public route, `session` for cookie-only, else the scope ('' for any token). */
function authOf(route: string): string | null {
  const security = operations.get(route)?.security
  if (!security) throw new Error(`${route} is not in the OpenAPI document`)
  if (security.length === 0) return null
  const bearer = security.find((s) => s.bearerAuth)
  return bearer ? (bearer.bearerAuth?.[0] ?? '') : 'session'
}

/** Generic rules: dead tokens 401; no sign-in 401; a token without the scope 403; otherwise authorized. */
function expected(route: string, persona: Persona): Expected {
  const auth = authOf(route)
  const specific = cases[route]?.expect[persona]
  if (specific !== undefined) return specific
  if (persona === 'revoked' || persona === 'expired') return 401
  if (auth === null) return 'ok'
  if (persona === 'anonymous') return 401
  if (persona === 'lacking') return auth === '' ? 'ok' : 403
  if (persona === 'scoped' && auth === 'session') return 403
  return 'ok'
}

async function call(f: Fixture, route: string, persona: Persona): Promise<Response> {
  const [method] = route.split(' ') as [string]
  const c = cases[route]!
  const url = `/api/v1${c.path(f.ref)}`
  const body = c.body?.(f.ref, persona)
  // A multipart form (the import) goes as it is: the request sets its own content type.
  const form = body instanceof FormData
  const json = body === undefined ? {} : form ? { body } : { json: body }
  const auth = authOf(route)
  const scope = auth && auth !== 'session' ? auth : 'review'
  const bearer = async (token: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    if (body !== undefined && !form) headers['content-type'] = 'application/json'
    const sent = body === undefined ? undefined : form ? body : JSON.stringify(body)
    return f.app.request(url, { method, headers, body: sent })
  }
  switch (persona) {
    case 'anonymous':
      return new Browser(f.app).request(url, { method, ...json })
    case 'revoked':
      return bearer(f.revoked.token)
    case 'expired':
      return bearer(f.expired.token)
    case 'lacking':
      return bearer(auth === '' || auth === null ? f.only.review! : f.lacking[scope]!)
    case 'scoped':
      return bearer(f.only[scope]!)
    default:
      return f[persona].browser.request(url, { method, ...json })
  }
}

const served = (() => {
  const app = createApp({ database: () => undefined as never })
  const routes = app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
  return [...new Set(routes.map((r) => `${r.method} ${r.path.slice('/api/v1'.length)}`))].sort()
})()

describe('the authorization matrix', () => {
  it('has a row for every route the app serves under /api/v1', () => {
    expect(Object.keys(cases).sort()).toEqual(served)
  })

  it.each(served)('%s answers every kind of caller as expected, and leaks nothing of others', async (route) => {
    const f = await fixture()
    const got: Record<string, number | string> = {}
    const want: Record<string, number | string> = {}
    for (const persona of personas) {
      const res = await call(f, route, persona)
      const expect_ = expected(route, persona)
      const ok = res.status < 500 && res.status !== 401 && res.status !== 403
      got[persona] = expect_ === 'ok' && ok ? 'ok' : res.status
      want[persona] = expect_
      if (res.status === 403 && expect_ === 403 && persona === 'lacking' && authOf(route)) {
        const problem = (await res.clone().json()) as { scope?: string; code: string }
        if (problem.code === 'missing_scope') expect(problem.scope).toBe(authOf(route))
      }
      // Signing in with the owner's password, or joining with an invite, rightly shows their things.
      if (persona === 'other' && res.ok && !route.includes('/auth/') && route !== 'POST /invites/:code/accept') {
        const text = await res.text()
        for (const [name, secret] of Object.entries(f.ids)) expect(text, `${route} leaks ${name}`).not.toContain(secret)
        expect(text).not.toContain(f.ref.ownerEmail)
      }
    }
    expect(got).toEqual(want)
  })
})
