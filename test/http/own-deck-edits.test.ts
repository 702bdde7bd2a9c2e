import { and, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cardStates, cards, reviewLogs, topics } from '../../src/db/schema'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck, noteUrl, readNote, writeNote } from '../helpers/own-deck'

/**
 * The shipped deck's edit suite (test/db/content-sync.test.ts) on a user's deck, through the
 * API: reword, move, rename, delete, re-add. Each step keeps every card's id and review history.
 */
describe("editing the notes of a user's deck", () => {
  let t: TestApp
  let ada: Browser
  let slug: string
  let ids: string[]
  const sync = (changes: Record<string, number>) => ({
    added: 0,
    updated: 0,
    retired: 0,
    revived: 0,
    unchanged: 0,
    ...changes,
  })

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app)).browser
    slug = await createDeck(ada, { name: 'My Docker' })
  })

  const live = async () =>
    t.db
      .select()
      .from(cards)
      .where(and(eq(cards.deck, slug), isNull(cards.retiredAt)))

  async function answerEveryCard(): Promise<void> {
    for (const id of ids) {
      const res = await ada.request('/api/v1/reviews', { method: 'POST', json: { cardId: id, rating: 'good' } })
      expect(res.status).toBe(201)
    }
  }

  async function expectHistoryKept(): Promise<void> {
    const states = await t.db.select({ cardId: cardStates.cardId }).from(cardStates)
    const logs = await t.db.select({ cardId: reviewLogs.cardId }).from(reviewLogs)
    expect(states.map((row) => row.cardId).sort()).toEqual([...ids].sort())
    expect(logs.map((row) => row.cardId).sort()).toEqual([...ids].sort())
  }

  it('makes every card of the first two notes, and the owner studies them', async () => {
    const arch = await writeNote(
      ada,
      slug,
      'arch.md',
      '# Architecture\n\n## Components\n\n**dockerd**: the daemon that manages containers\n\nDefault runtime? :: runc\n\nDefault registry? :: Docker Hub\n',
    )
    const cli = await writeNote(ada, slug, 'cli.md', '# The CLI\n\nList running containers? :: docker ps\n')
    expect(arch.cards.map((card) => card.kind)).toEqual(['basic', 'reverse', 'basic', 'basic'])
    expect(arch.sync).toEqual(sync({ added: 4 }))
    expect(cli.sync).toEqual(sync({ added: 1, unchanged: 4 }))
    ids = [...arch.cards, ...cli.cards].map((card) => card.id)
    expect(new Set(ids).size).toBe(5)
    expect(await readNote(ada, slug, 'arch.md')).toMatch(/Default runtime\? :: runc <!-- card: \w+ -->/)
    await answerEveryCard()
    await expectHistoryKept()
  })

  it('keeps the card when its prompt is reworded in the stored note', async () => {
    const arch = (await readNote(ada, slug, 'arch.md')).replace(
      'Default runtime? ::',
      'Which OCI runtime does containerd use by default? ::',
    )
    const answer = await writeNote(ada, slug, 'arch.md', arch)
    expect(answer.sync).toEqual(sync({ updated: 1, unchanged: 4 }))
    expect(answer.cards.find((card) => card.prompt.startsWith('Which OCI runtime'))?.id).toBe(ids[2])
    await expectHistoryKept()
  })

  it('keeps the card when its answer is reworded in a note uploaded without markers', async () => {
    const answer = await writeNote(
      ada,
      slug,
      'cli.md',
      '# The CLI\n\nList running containers? :: docker container ls\n',
    )
    expect(answer.sync).toEqual(sync({ updated: 1, unchanged: 4 }))
    expect(answer.cards[0]?.id).toBe(ids[4])
    await expectHistoryKept()
  })

  it('keeps a card that moves to another note', async () => {
    const arch = await readNote(ada, slug, 'arch.md')
    const line = arch.split('\n').find((text) => text.startsWith('Default registry?')) ?? ''
    await writeNote(ada, slug, 'arch.md', arch.replace(`${line}\n`, ''))
    const cli = await writeNote(ada, slug, 'cli.md', `${await readNote(ada, slug, 'cli.md')}\n${line}\n`)
    expect(cli.cards.map((card) => card.id)).toEqual([ids[4], ids[3]])
    const moved = (await live()).find((row) => row.id === ids[3])
    expect([moved?.topic, moved?.sourceFile]).toEqual(['cli', 'cli.md'])
    await expectHistoryKept()
  })

  it('keeps every card when a note is renamed into a folder', async () => {
    const arch = await readNote(ada, slug, 'arch.md')
    const renamed = await writeNote(ada, slug, 'folder/01-architecture.md', arch, 'arch.md')
    // Positions are deck-wide in path order: the folder now sorts after cli.md, so every card moves.
    expect(renamed.sync).toEqual(sync({ updated: 5 }))
    expect((await ada.request(noteUrl(slug, 'arch.md'))).status).toBe(404)
    expect((await live()).filter((row) => row.sourceFile === 'folder/01-architecture.md').length).toBe(3)
    expect((await live()).length).toBe(5)
    expect((await t.db.select().from(topics).where(eq(topics.deck, slug))).map((row) => row.file).sort()).toEqual([
      'cli.md',
      'folder/01-architecture.md',
    ])
    await expectHistoryKept()
  })

  it('retires a deleted card and keeps its history, then revives it when it is added back', async () => {
    const cli = await readNote(ada, slug, 'cli.md')
    const without = cli.replace(/\nDefault registry\?.*\n/, '\n')
    expect((await writeNote(ada, slug, 'cli.md', without)).sync).toMatchObject({ added: 0, retired: 1, revived: 0 })
    const [gone] = await t.db.select().from(cards).where(eq(cards.id, ids[3]!))
    expect(gone?.retiredAt).toBe(t.clock.now)
    await expectHistoryKept()
    t.clock.advance(60_000)
    expect((await writeNote(ada, slug, 'cli.md', cli)).sync).toMatchObject({ added: 0, retired: 0, revived: 1 })
    const [back] = await t.db.select().from(cards).where(eq(cards.id, ids[3]!))
    expect(back?.retiredAt).toBeNull()
    await expectHistoryKept()
  })

  it('retires the cards of a deleted note and revives them when it comes back', async () => {
    const cli = await readNote(ada, slug, 'cli.md')
    expect((await ada.request(noteUrl(slug, 'cli.md'), { method: 'DELETE' })).status).toBe(204)
    expect((await live()).length).toBe(3)
    expect((await writeNote(ada, slug, 'cli.md', cli)).sync).toMatchObject({ added: 0, retired: 0, revived: 2 })
    await expectHistoryKept()
  })

  it('writes nothing when the same notes are uploaded again', async () => {
    const cli = await readNote(ada, slug, 'cli.md')
    expect((await writeNote(ada, slug, 'cli.md', cli)).sync).toEqual(sync({ unchanged: 5 }))
  })
})
