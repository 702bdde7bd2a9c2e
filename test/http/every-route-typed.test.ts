import { hc } from 'hono/client'
import type { ExtractSchema } from 'hono/types'
import { describe, expect, it } from 'vitest'
import type { AppType } from '../../src/routes/api'
import { createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

type Client = ReturnType<typeof hc<AppType>>
type Schema = ExtractSchema<AppType>
/** Every `/api/v1` route the typed client knows, as "METHOD /path" ("$post /cards/:id/bury"). */
type RouteKey = { [P in keyof Schema & string]: `${keyof Schema[P] & string} ${P}` }[keyof Schema & string]

const id = { param: { id: 'x' } }
/**
 * One call per route through `hc<AppType>`. The record's type is every route of `AppType`: a
 * route left out here, or one the client cannot see, fails `npm run typecheck`; the test below
 * checks the keys against the routes the app really serves, so a route registered where the
 * type cannot see it (a loop) fails too.
 */
const calls: { [K in RouteKey]: (c: Client) => Promise<Response> } = {
  '$post /auth/register': (c) => c.auth.register.$post({ json: { email: 'b@example.com', password: 'x' } }),
  '$post /auth/login': (c) => c.auth.login.$post({ json: { email: 'b@example.com', password: 'x' } }),
  '$post /auth/logout': (c) => c.auth.logout.$post(),
  '$post /tokens': (c) => c.tokens.$post({ json: { name: 'script' } }),
  '$get /tokens': (c) => c.tokens.$get(),
  '$delete /tokens/:id': (c) => c.tokens[':id'].$delete(id),
  '$get /decks': (c) => c.decks.$get(),
  '$post /decks': (c) => c.decks.$post({ json: { name: 'Mine', slug: 'mine' } }),
  '$get /decks/:slug/notes': (c) => c.decks[':slug'].notes.$get({ param: { slug: 'mine' } }),
  '$get /decks/:slug/notes/:path': (c) =>
    c.decks[':slug'].notes[':path'].$get({ param: { slug: 'mine', path: 'a.md' } }),
  '$put /decks/:slug/notes/:path': (c) =>
    c.decks[':slug'].notes[':path'].$put({ param: { slug: 'mine', path: 'a.md' }, query: {} }),
  '$delete /decks/:slug/notes/:path': (c) =>
    c.decks[':slug'].notes[':path'].$delete({ param: { slug: 'mine', path: 'a.md' } }),
  '$post /decks/:slug/import': (c) => c.decks[':slug'].import.$post({ param: { slug: 'mine' } }),
  '$get /decks/:slug/export': (c) => c.decks[':slug'].export.$get({ param: { slug: 'docker' }, query: {} }),
  '$get /decks/:slug/cards': (c) => c.decks[':slug'].cards.$get({ param: { slug: 'docker' }, query: {} }),
  '$get /review/next': (c) => c.review.next.$get({ query: { deck: 'docker' } }),
  '$get /review/today': (c) => c.review.today.$get({ query: { deck: 'docker' } }),
  '$post /reviews': (c) => c.reviews.$post({ header: {}, json: { cardId: 'docker-cli-000', rating: 'good' } }),
  '$post /reviews/undo': (c) => c.reviews.undo.$post(),
  '$get /reviews/export': (c) => c.reviews.export.$get({ query: {} }),
  '$get /cards': (c) => c.cards.$get({ query: { q: 'container', sort: 'due' } }),
  '$get /cards/:id': (c) => c.cards[':id'].$get(id),
  '$post /cards/actions': (c) => c.cards.actions.$post({ json: { action: 'suspend', ids: ['x'] } }),
  '$post /cards/actions/undo': (c) => c.cards.actions.undo.$post(),
  '$post /cards/actions/:id/undo': (c) => c.cards.actions[':id'].undo.$post(id),
  '$post /cards/:id/suspend': (c) => c.cards[':id'].suspend.$post(id),
  '$post /cards/:id/unsuspend': (c) => c.cards[':id'].unsuspend.$post(id),
  '$post /cards/:id/bury': (c) => c.cards[':id'].bury.$post(id),
  '$get /settings': (c) => c.settings.$get(),
  '$get /progress': (c) => c.progress.$get({ query: {} }),
  '$put /settings': (c) => c.settings.$put({ json: {} }),
  '$post /settings/optimize': (c) => c.settings.optimize.$post(),
  '$post /quizzes': (c) => c.quizzes.$post({ json: { deck: 'docker' } }),
  '$get /quizzes/:id': (c) => c.quizzes[':id'].$get(id),
  '$post /quizzes/:id/answers/:questionId': (c) =>
    c.quizzes[':id'].answers[':questionId'].$post({ param: { id: 'x', questionId: 'q' }, json: { choice: 'a' } }),
  '$post /exams': (c) => c.exams.$post({ json: { deck: 'docker' } }),
  '$get /exams': (c) => c.exams.$get({ query: {} }),
  '$get /exams/:id': (c) => c.exams[':id'].$get(id),
  '$put /exams/:id/answers/:questionId': (c) =>
    c.exams[':id'].answers[':questionId'].$put({ param: { id: 'x', questionId: 'q' }, json: { choice: 'a' } }),
  '$post /exams/:id/submit': (c) => c.exams[':id'].submit.$post(id),
  '$get /readiness': (c) => c.readiness.$get({ query: { deck: 'docker' } }),
  '$post /teams': (c) => c.teams.$post({ json: { name: 'Platform' } }),
  '$get /teams': (c) => c.teams.$get(),
  '$get /teams/:id': (c) => c.teams[':id'].$get(id),
  '$post /teams/:id/invites': (c) => c.teams[':id'].invites.$post({ ...id, json: {} }),
  '$patch /teams/:id/members/:userId': (c) =>
    c.teams[':id'].members[':userId'].$patch({ param: { id: 'x', userId: 'u' }, json: { role: 'member' } }),
  '$delete /teams/:id/members/:userId': (c) =>
    c.teams[':id'].members[':userId'].$delete({ param: { id: 'x', userId: 'u' } }),
  '$get /teams/:id/checks': (c) => c.teams[':id'].checks.$get(id),
  '$post /teams/:id/checks': (c) =>
    c.teams[':id'].checks.$post({ ...id, json: { title: 'Check', deck: 'docker', questionCount: 5 } }),
  '$post /invites/:code/accept': (c) => c.invites[':code'].accept.$post({ param: { code: 'nope' } }),
  '$get /checks/:id': (c) => c.checks[':id'].$get(id),
  '$post /checks/:id/submissions': (c) => c.checks[':id'].submissions.$post({ ...id, json: { answers: [] } }),
  '$get /checks/:id/results': (c) => c.checks[':id'].results.$get({ ...id, query: {} }),
}

describe('the typed client covers every /api/v1 route', () => {
  it('has one typed call for each route the app serves', async () => {
    const { app } = await createTestApp()
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
        .map((r) => `$${r.method.toLowerCase()} ${r.path.slice('/api/v1'.length)}`),
    )
    expect(Object.keys(calls).sort()).toEqual([...served].sort())
  })

  it('reaches a handler with each typed call: no route is unknown to the app and none fails with 5xx', async () => {
    const { app, db } = await createTestApp()
    await seedDeck(db)
    const { browser } = await signUp(app)
    const created = await browser.request('/api/v1/tokens', { method: 'POST', json: { name: 'every-route' } })
    const { token } = (await created.json()) as { token: string }
    const client = hc<AppType>('http://localhost/api/v1', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
      headers: { authorization: `Bearer ${token}` },
    })
    for (const [route, call] of Object.entries(calls)) {
      const res = await call(client)
      const body = res.status === 404 ? ((await res.json()) as { detail?: string }) : {}
      expect({ route, status: res.status < 500, unknown: /^no route/.test(body.detail ?? '') }).toEqual({
        route,
        status: true,
        unknown: false,
      })
    }
  })
})
