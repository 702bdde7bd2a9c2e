import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardActions, cardStates, reviewLogs } from '../../src/db/schema'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { barrier, gatedApp, holdFirst, sameBrowserOn } from '../helpers/interleave'

/** Matches the batch that reverts a card action (`recordCardActionUndo`). */
const actionUndoWrite = /^\s*update "card_actions" set undone_at/

describe('two undos racing on two connections', () => {
  it('reverts a suspension once and leaves the answer before it alone', async () => {
    const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
    const t = await createTestApp({ clock })
    await seedDeck(t.db)
    const user = await signUp(t.app)
    const post = (path: string, json?: unknown) => user.browser.request(`/api/v1${path}`, { method: 'POST', json })
    const [answered, suspended] = ['docker-architecture-000', 'docker-architecture-001']
    expect((await post('/reviews', { cardId: answered, rating: 'good' })).status).toBe(201)
    expect((await post(`/cards/${suspended}/suspend`)).status).toBe(200)

    // Both read the same latest step (the suspension); neither writes until both have read.
    const bothRead = barrier(2)
    const a = await gatedApp(t.url, clock, holdFirst(actionUndoWrite, bothRead))
    const b = await gatedApp(t.url, clock, holdFirst(actionUndoWrite, bothRead))
    const undo = (app: typeof a.app) =>
      sameBrowserOn(app, user.browser).request('/api/v1/reviews/undo', { method: 'POST' })
    const results = await Promise.all([undo(a.app), undo(b.app)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const loser = results.find((r) => r.status === 409) as Response
    expect(loser.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await loser.json()).toMatchObject({ code: 'stale_state' })

    const [state] = await t.db.select().from(cardStates).where(eq(cardStates.cardId, suspended))
    expect(state).toMatchObject({ suspended: false, version: 2 })
    expect(await t.db.select().from(cardActions).where(isNull(cardActions.undoneAt))).toHaveLength(0)
    const live = await t.db
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.cardId, answered), isNull(reviewLogs.undoneAt)))
    expect(live).toHaveLength(1)
    a.client.close()
    b.client.close()
  })
})
