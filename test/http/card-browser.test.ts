import { beforeAll, describe, expect, it } from 'vitest'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck, readNote, writeNote } from '../helpers/own-deck'
import { seedCheckDeck } from '../helpers/team-deck'

interface Page {
  cards: Array<{
    id: string
    deck: string
    topic: string
    tags: string[]
    prompt: string
    state: string
    suspended: boolean
    leech: boolean
    buried: boolean
    due: string | null
    lapses: number
    difficulty: number | null
    retrievability: number | null
  }>
  total: number
  sort: string
  nextCursor: string | null
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as T
}

const kubeNote = `# Pods

Smallest deployable unit in Kubernetes? :: a pod #workloads

Which object keeps a set of pod replicas running? :: a ReplicaSet #workloads

Which component schedules pods onto nodes? :: kube-scheduler #control-plane
`

describe('the card browser API', () => {
  const clock = createClock(Date.UTC(2026, 0, 15, 12))
  let t: TestApp
  let ada: Browser
  let bob: Browser
  let slug: string
  let kube: string[]

  const search = async (who: Browser, query: string) => json<Page>(await who.request(`/api/v1/cards?${query}`), 200)
  const answer = async (who: Browser, cardId: string, rating: string) =>
    json(await who.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating } }), 201)

  beforeAll(async () => {
    t = await createTestApp({ clock })
    await seedCheckDeck(t.db)
    ada = (await signUp(t.app, 'Ada')).browser
    bob = (await signUp(t.app, 'Bob')).browser
    slug = await createDeck(ada, { name: 'Kubernetes' })
    kube = (await writeNote(ada, slug, 'pods.md', kubeNote)).cards.map((c) => c.id)
  })

  it('finds cards by words in their prompt or answer, each word as a prefix, best match first', async () => {
    const byPrompt = await search(ada, 'q=deployable')
    expect(byPrompt.cards.map((c) => c.id)).toEqual([kube[0]])
    expect(byPrompt.sort).toBe('relevance')
    const byAnswer = await search(ada, 'q=replicaset')
    expect(byAnswer.cards.map((c) => c.id)).toEqual([kube[1]])
    const byPrefix = await search(ada, 'q=kube-sched')
    expect(byPrefix.cards.map((c) => c.id)).toEqual([kube[2]])
    const allWords = await search(ada, `q=${encodeURIComponent('pod nodes')}`)
    expect(allWords.cards.map((c) => c.id)).toEqual([kube[2]])
  })

  it('takes FTS5 syntax in the words as plain words, never as a 5xx', async () => {
    for (const q of ['"', 'pod OR', 'NEAR(', '*', 'a:b', '-pod', '((', "'; drop table cards; --"]) {
      const res = await ada.request(`/api/v1/cards?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
    }
    expect((await search(ada, `q=${encodeURIComponent('"deployable"')}`)).cards.map((c) => c.id)).toEqual([kube[0]])
  })

  it('indexes notes as they are edited: a reworded prompt is found by its new words only', async () => {
    const stored = await readNote(ada, slug, 'pods.md')
    const edited = stored.replace('Smallest deployable unit in Kubernetes?', 'Tiniest schedulable thing in Kubernetes?')
    const note = await writeNote(ada, slug, 'pods.md', edited)
    expect(note.cards.map((c) => c.id)).toEqual(kube)
    expect((await search(ada, 'q=deployable')).total).toBe(0)
    expect((await search(ada, 'q=tiniest')).cards.map((c) => c.id)).toEqual([kube[0]])
    await writeNote(ada, slug, 'pods.md', stored)
  })

  it("shows no card of another user's deck, by search, deck, id or action", async () => {
    expect((await search(bob, 'q=deployable')).total).toBe(0)
    const docker = await search(bob, 'limit=200')
    expect(docker.cards.every((c) => c.deck === 'docker')).toBe(true)
    expect(docker.total).toBe(20)
    expect(await json(await bob.request(`/api/v1/cards?deck=${slug}`), 404)).toMatchObject({ field: 'deck' })
    expect(await json(await bob.request(`/api/v1/cards/${kube[0]}`), 404)).toMatchObject({ field: 'id' })
    const act = await bob.request('/api/v1/cards/actions', {
      method: 'POST',
      json: { action: 'suspend', ids: ['docker-cli-001', kube[0]] },
    })
    expect(await json(act, 404)).toMatchObject({ field: 'ids.1' })
    expect((await search(bob, 'state=suspended')).total).toBe(0)
  })

  it('filters by deck, topic and tag', async () => {
    expect((await search(ada, `deck=${slug}`)).cards.map((c) => c.id)).toEqual(kube)
    expect((await search(ada, 'deck=docker&topic=cli')).total).toBe(10)
    expect((await search(ada, 'topic=cli')).cards.every((c) => c.topic === 'cli')).toBe(true)
    const tagged = await search(ada, 'tag=workloads')
    expect(tagged.cards.map((c) => c.id)).toEqual([kube[0], kube[1]])
    expect(tagged.cards[0]?.tags).toContain('workloads')
    expect((await search(ada, 'tag=control-plane')).cards.map((c) => c.id)).toEqual([kube[2]])
  })

  it('pages through results with a cursor', async () => {
    const first = await search(ada, 'deck=docker&limit=8')
    expect(first.cards).toHaveLength(8)
    expect(first.total).toBe(20)
    const second = await search(ada, `deck=docker&limit=8&cursor=${first.nextCursor}`)
    const third = await search(ada, `deck=docker&limit=8&cursor=${second.nextCursor}`)
    expect(third.cards).toHaveLength(4)
    expect(third.nextCursor).toBeNull()
    const ids = [...first.cards, ...second.cards, ...third.cards].map((c) => c.id)
    expect(new Set(ids).size).toBe(20)
  })

  it('filters by state and sorts by due, lapses, difficulty and retrievability', async () => {
    const [a, b, c] = ['docker-architecture-001', 'docker-architecture-002', 'docker-architecture-003']
    await answer(ada, a, 'good')
    await answer(ada, b, 'easy')
    await answer(ada, c, 'easy')
    clock.advance(3 * 86_400_000)
    await answer(ada, a, 'good')
    await answer(ada, b, 'again')
    clock.advance(2 * 86_400_000)
    expect((await search(ada, 'state=learning')).cards.map((r) => r.id)).toContain(b)
    expect((await search(ada, 'state=review')).cards.map((r) => r.id).sort()).toEqual([a, c].sort())
    const fresh = await search(ada, 'state=new&deck=docker&limit=200')
    expect(fresh.total).toBe(17)
    expect(fresh.cards.every((r) => r.state === 'new' && r.due === null)).toBe(true)

    const byLapses = await search(ada, 'deck=docker&sort=lapses&limit=3')
    expect(byLapses.cards[0]?.id).toBe(b)
    const byDue = await search(ada, 'deck=docker&sort=due&limit=3')
    const dues = byDue.cards.map((r) => Date.parse(r.due!))
    expect(dues).toEqual([...dues].sort((x, y) => x - y))
    const byDifficulty = await search(ada, 'deck=docker&sort=difficulty&limit=3')
    expect(byDifficulty.cards[0]?.id).toBe(b)
    expect(byDifficulty.cards[2]?.id).toBe(c)
    const byRecall = await search(ada, 'deck=docker&sort=retrievability&limit=3')
    const recalls = byRecall.cards.map((r) => r.retrievability!)
    expect(recalls).toEqual([...recalls].sort((x, y) => x - y))
    expect(recalls.every((r) => r > 0 && r <= 1)).toBe(true)
    const highest = await search(ada, 'deck=docker&sort=retrievability&order=desc&limit=3')
    expect(highest.cards.map((r) => r.id)).toEqual([...byRecall.cards.map((r) => r.id)].reverse())
    // Unstudied cards have nothing to sort by: last, whatever the order.
    expect((await search(ada, 'deck=docker&sort=due&order=desc&limit=4')).cards[3]?.state).toBe('new')
  })

  it('filters suspended, buried and leech cards', async () => {
    await json(await ada.request('/api/v1/cards/docker-cli-005/suspend', { method: 'POST' }), 200)
    await json(await ada.request('/api/v1/cards/docker-cli-006/bury', { method: 'POST' }), 200)
    expect((await search(ada, 'state=suspended')).cards.map((r) => r.id)).toEqual(['docker-cli-005'])
    expect((await search(ada, 'state=buried')).cards.map((r) => r.id)).toEqual(['docker-cli-006'])
    expect((await search(ada, 'state=leech')).total).toBe(0)
    await json(await ada.request('/api/v1/cards/docker-cli-005/unsuspend', { method: 'POST' }), 200)
  })

  it('gives a card its history, stability, difficulty and predicted recall now', async () => {
    const info = await json<{
      card: { id: string; prompt: string }
      state: { stability: number; difficulty: number; lapses: number }
      retrievability: number
      history: Array<{ rating: string; reviewedAt: string; stateAfter: string }>
    }>(await ada.request('/api/v1/cards/docker-architecture-001'), 200)
    expect(info.card.id).toBe('docker-architecture-001')
    expect(info.history.map((h) => h.rating)).toEqual(['good', 'good'])
    expect(info.state.stability).toBeGreaterThan(0)
    expect(info.state.difficulty).toBeGreaterThan(0)
    expect(info.retrievability).toBeGreaterThan(0)
    expect(info.retrievability).toBeLessThan(1)
    const unstudied = await json<{ state: null; retrievability: null; history: [] }>(
      await ada.request('/api/v1/cards/docker-cli-009'),
      200,
    )
    expect(unstudied).toMatchObject({ state: null, retrievability: null, history: [] })
    expect(await json(await ada.request('/api/v1/cards/no-such-card'), 404)).toMatchObject({ field: 'id' })
  })

  it('answers bad input with a problem naming the field', async () => {
    for (const [query, field] of [
      ['state=frozen', 'state'],
      ['sort=random', 'sort'],
      ['order=up', 'order'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=abc', 'cursor'],
      ['deck=Not%20A%20Slug', 'deck'],
      ['topic=..', 'topic'],
      ['tag=two%20words', 'tag'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['sort=relevance', 'sort'],
    ] as const) {
      const res = await ada.request(`/api/v1/cards?${query}`)
      expect(res.headers.get('content-type'), query).toContain('application/problem+json')
      expect(await json(res, 400), query).toMatchObject({ code: 'validation_failed', field })
    }
  })

  it('needs a signed-in caller, and the review scope on a token', async () => {
    expect((await t.app.request('/api/v1/cards')).status).toBe(401)
    const created = await json<{ token: string }>(
      await ada.request('/api/v1/tokens', { method: 'POST', json: { name: 'stats', scopes: ['progress:read'] } }),
      201,
    )
    const res = await t.app.request('/api/v1/cards', { headers: { authorization: `Bearer ${created.token}` } })
    expect(await json(res, 403)).toMatchObject({ code: 'missing_scope', scope: 'review' })
  })
})
