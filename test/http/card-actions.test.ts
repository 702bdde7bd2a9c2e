import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cardActions, cardStates } from '../../src/db/schema'
import { maxBulkCards } from '../../src/schemas/cards'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedCheckDeck } from '../helpers/team-deck'

interface Action {
  id: string | null
  action: string
  changed: number
  skipped: string[]
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as T
}

describe('bulk card actions', () => {
  const clock = createClock(Date.UTC(2026, 0, 15, 12))
  let t: TestApp
  let ada: Browser
  let adaId: string
  const [a, b, c, fresh] = ['docker-architecture-001', 'docker-architecture-002', 'docker-cli-003', 'docker-cli-004']

  const act = (body: unknown) => ada.request('/api/v1/cards/actions', { method: 'POST', json: body })
  const undo = (id: string) => ada.request(`/api/v1/cards/actions/${id}/undo`, { method: 'POST' })
  /** Every state column of Ada's rows for the cards, version and update time left out. */
  const states = async (ids: string[]) => {
    const rows = await t.db.select().from(cardStates).where(eq(cardStates.userId, adaId))
    return Object.fromEntries(
      ids.map((id) => {
        const row = rows.find((r) => r.cardId === id)
        if (!row) return [id, null]
        const { version: _v, updatedAt: _u, ...rest } = row
        return [id, rest]
      }),
    )
  }

  beforeAll(async () => {
    t = await createTestApp({ clock })
    await seedCheckDeck(t.db)
    const signed = await signUp(t.app, 'Ada')
    ada = signed.browser
    adaId = signed.userId
    for (const [id, rating] of [
      [a, 'good'],
      [b, 'easy'],
      [c, 'good'],
    ] as const)
      await json(await ada.request('/api/v1/reviews', { method: 'POST', json: { cardId: id, rating } }), 201)
    clock.advance(86_400_000)
    await json(await ada.request('/api/v1/reviews', { method: 'POST', json: { cardId: a, rating: 'good' } }), 201)
    await json(await ada.request(`/api/v1/cards/${c}/suspend`, { method: 'POST' }), 200)
    clock.advance(60_000)
  })

  it('suspends a selection in one step, and one undo puts every card back exactly', async () => {
    const before = await states([a, b, c, fresh])
    const done = await json<Action>(await act({ action: 'suspend', ids: [a, b, c, fresh] }), 201)
    expect(done).toMatchObject({ action: 'suspend', changed: 4, skipped: [] })
    const after = await states([a, b, c, fresh])
    expect(Object.values(after).every((s) => s?.suspended)).toBe(true)
    expect(after[a]).toMatchObject({ ...before[a], suspended: true })
    clock.advance(60_000)
    const undone = await json<{ id: string; undoneAt: string }>(await undo(done.id!), 200)
    expect(undone.undoneAt).toBe(new Date(clock.now).toISOString())
    const restored = await states([a, b, c, fresh])
    expect(restored[a]).toEqual(before[a])
    expect(restored[b]).toEqual(before[b])
    expect(restored[c]).toEqual(before[c])
    // A card that had no state comes back new and unsuspended: what having none means.
    expect(restored[fresh]).toMatchObject({ state: 0, suspended: false, reps: 0 })
  })

  it('undoes an action only once, even at the same instant', async () => {
    const done = await json<Action>(await act({ action: 'suspend', ids: [b] }), 201)
    await json(await undo(done.id!), 200)
    await json(await act({ action: 'unsuspend', ids: [b] }), 201)
    await json(await ada.request(`/api/v1/cards/${b}/suspend`, { method: 'POST' }), 200)
    expect(await json(await undo(done.id!), 409)).toMatchObject({ code: 'conflict' })
    expect((await states([b]))[b]?.suspended).toBe(true)
    await json(await ada.request(`/api/v1/cards/${b}/unsuspend`, { method: 'POST' }), 200)
  })

  it('unsuspends, clearing leech and burial; undo suspends them again, and an older action stays undone-proof', async () => {
    const suspended = await json<Action>(await act({ action: 'suspend', ids: [a, b] }), 201)
    expect(suspended.changed).toBe(2)
    const unsuspended = await json<Action>(await act({ action: 'unsuspend', ids: [a, b] }), 201)
    expect(Object.values(await states([a, b])).every((s) => s && !s.suspended && !s.leech)).toBe(true)
    // Without an id: the latest action not undone.
    const latest = await json<{ id: string }>(await ada.request('/api/v1/cards/actions/undo', { method: 'POST' }), 200)
    expect(latest.id).toBe(unsuspended.id)
    expect(await json(await undo(unsuspended.id!), 409)).toMatchObject({ code: 'conflict' })
    expect(Object.values(await states([a, b])).every((s) => s?.suspended)).toBe(true)
    // Undo compares versions, and undoing wrote new ones: the older step is no longer undoable.
    expect(await json(await undo(suspended.id!), 409)).toMatchObject({ code: 'stale_state' })
    await json(await act({ action: 'unsuspend', ids: [a, b] }), 201)
  })

  it('resets (forgets) cards, keeping their review history, and undo restores their memory', async () => {
    const before = await states([a])
    const history = async () =>
      ((await json<{ history: unknown[] }>(await ada.request(`/api/v1/cards/${a}`), 200)).history ?? []).length
    const logs = await history()
    expect(logs).toBe(2)
    const done = await json<Action>(await act({ action: 'reset', ids: [a] }), 201)
    expect((await states([a]))[a]).toMatchObject({ state: 0, stability: 0, reps: 0, lapses: 0, lastReview: null })
    expect(await history()).toBe(2)
    await json(await undo(done.id!), 200)
    expect((await states([a]))[a]).toEqual(before[a])
  })

  it('reschedules studied cards spread over a range of study days, and skips new cards', async () => {
    const done = await json<Action>(
      await act({ action: 'reschedule', ids: [a, b, fresh], due: '2026-02-01', dueTo: '2026-02-02' }),
      201,
    )
    expect(done).toMatchObject({ changed: 2, skipped: [fresh] })
    const after = await states([a, b])
    // UTC and the default 04:00 day start: each study day begins at 04:00Z.
    expect(after[a]?.due).toBe(Date.UTC(2026, 1, 1, 4))
    expect(after[b]?.due).toBe(Date.UTC(2026, 1, 2, 4))
    expect(after[a]?.scheduledDays).toBe(Math.round((Date.UTC(2026, 1, 1, 4) - after[a]!.lastReview!) / 86_400_000))
    await json(await undo(done.id!), 200)
    const only = await json<Action>(await act({ action: 'reschedule', ids: [fresh], due: '2026-02-01' }), 201)
    expect(only).toMatchObject({ id: null, changed: 0, skipped: [fresh] })
  })

  it('refuses the whole step when a card changed at the same instant, and undo once a card moved on', async () => {
    const done = await json<Action>(await act({ action: 'suspend', ids: [a, b] }), 201)
    await json(await ada.request(`/api/v1/cards/${b}/bury`, { method: 'POST' }), 200)
    expect(await json(await undo(done.id!), 409)).toMatchObject({ code: 'stale_state' })
    const still = await states([a, b])
    expect(still[a]?.suspended).toBe(true)
    expect(still[b]?.buriedUntil).not.toBeNull()
    const [row] = await t.db.select().from(cardActions).where(eq(cardActions.id, done.id!))
    expect(row?.undoneAt).toBeNull()
    await json(await act({ action: 'unsuspend', ids: [a, b] }), 201)
  })

  it('changes nothing when one selected card is unknown or not visible, and names it', async () => {
    const before = await states([a, b])
    const count = (await t.db.select().from(cardActions).where(eq(cardActions.userId, adaId))).length
    const res = await act({ action: 'suspend', ids: [a, b, 'no-such-card'] })
    expect(await json(res, 404)).toMatchObject({ code: 'not_found', field: 'ids.2' })
    expect(await states([a, b])).toEqual(before)
    expect((await t.db.select().from(cardActions).where(eq(cardActions.userId, adaId))).length).toBe(count)
  })

  it('answers bad input with a problem naming the field', async () => {
    for (const [body, status, field] of [
      [{ action: 'delete', ids: [a] }, 400, 'action'],
      [{ action: 'suspend', ids: [] }, 400, 'ids'],
      [{ action: 'suspend', ids: 'abc' }, 400, 'ids'],
      [{ action: 'suspend', ids: ['bad id!'] }, 400, 'ids.0'],
      [{ action: 'suspend', ids: Array.from({ length: maxBulkCards + 1 }, (_, i) => `x-${i}`) }, 400, 'ids'],
      [{ action: 'reschedule', ids: [a] }, 400, 'due'],
      [{ action: 'reschedule', ids: [a], due: '2026-13-01' }, 400, 'due'],
      [{ action: 'reschedule', ids: [a], due: '2026-02-03', dueTo: '2026-02-01' }, 400, 'dueTo'],
      [{ action: 'reschedule', ids: [a], due: '2025-12-31' }, 422, 'due'],
      [{ action: 'reschedule', ids: [a], due: '2026-02-01', dueTo: '2046-02-01' }, 422, 'dueTo'],
    ] as const) {
      const res = await act(body)
      expect(res.headers.get('content-type'), JSON.stringify(body).slice(0, 80)).toContain('application/problem+json')
      expect(await json(res, status), JSON.stringify(body).slice(0, 80)).toMatchObject({ field })
    }
    expect(await json(await undo('no-such-action'), 404)).toMatchObject({ field: 'id' })
  })

  it("cannot undo another user's action, and needs the review scope on a token", async () => {
    const done = await json<Action>(await act({ action: 'suspend', ids: [a] }), 201)
    const bob = (await signUp(t.app, 'Bob')).browser
    expect((await bob.request(`/api/v1/cards/actions/${done.id}/undo`, { method: 'POST' })).status).toBe(404)
    expect((await states([a]))[a]?.suspended).toBe(true)
    const { token } = await json<{ token: string }>(
      await ada.request('/api/v1/tokens', { method: 'POST', json: { name: 'read', scopes: ['progress:read'] } }),
      201,
    )
    const res = await t.app.request('/api/v1/cards/actions', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'unsuspend', ids: [a] }),
    })
    expect(await json(res, 403)).toMatchObject({ code: 'missing_scope' })
    await json(await undo(done.id!), 200)
    const [row] = await t.db
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.userId, adaId), eq(cardStates.cardId, a)))
    expect(row?.suspended).toBe(false)
  })
})
