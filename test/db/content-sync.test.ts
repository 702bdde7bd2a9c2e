import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileDeck } from '../../src/content/compile-deck'
import { insertMarkers } from '../../src/content/id-markers'
import type { Db } from '../../src/db/index'
import { type SyncResult, syncDeck } from '../../src/db/queries/deck-sync'
import { cardStates, cards, decks, reviewLogs, topics, users } from '../../src/db/schema'
import { syncContent } from '../../src/services/content-sync'
import { createTestDb } from '../helpers/db'

const day = 86_400_000
const start = Date.UTC(2026, 0, 1)
const front = (topic: string, title: string) => `---\ndeck: docker\ntopic: ${topic}\ntitle: ${title}\n---\n`

const compile = (files: Record<string, string>) =>
  compileDeck({
    slug: 'docker',
    title: 'Docker',
    files: Object.entries(files).map(([file, text]) => ({ file, text })),
    strict: true,
  })

/** Writes the markers `content:ids` would write into one file of a deck. */
function marked(files: Record<string, string>, file: string): string {
  const slots = compile(files).markerSlots.filter((slot) => slot.file === file)
  return insertMarkers(files[file] ?? '', slots)
}

const result = (changes: Partial<SyncResult>): SyncResult => ({
  added: 0,
  updated: 0,
  retired: 0,
  revived: 0,
  unchanged: 0,
  ...changes,
})

describe('syncing a deck through edits of the notes', () => {
  let db: Db
  let close: () => void
  let arch: string
  let cli: string
  let ids: string[]

  beforeAll(async () => {
    ;({ db, close } = await createTestDb())
    const draft = {
      'arch.md': `${front('arch', 'Architecture')}\n## Components\n\n**dockerd**: the daemon that manages containers\n\nDefault runtime? :: runc\n\nDefault registry? :: Docker Hub\n`,
      'cli.md': `${front('cli', 'The CLI')}\nList running containers? :: docker ps\n`,
    }
    // arch.md is marked (as after `content:ids`); cli.md keeps derived ids.
    arch = marked(draft, 'arch.md')
    cli = draft['cli.md']
    await db.insert(users).values({ id: 'u1', email: 'a@example.com', passwordHash: 'x', createdAt: start })
  })
  afterAll(() => close())

  /** Every card gets a state and two review logs, as if studied. */
  async function study(): Promise<void> {
    for (const id of ids) {
      const state = {
        due: start + day,
        stability: 2,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
      }
      await db
        .insert(cardStates)
        .values({ userId: 'u1', cardId: id, ...state, state: 2, lastReview: start, updatedAt: start })
      const log = {
        userId: 'u1',
        cardId: id,
        rating: 3,
        state: 0,
        ...state,
        lastElapsedDays: 0,
        before: '{}',
        stateAfter: 2,
        dueAfter: start + day,
      }
      await db.insert(reviewLogs).values([
        { ...log, reviewedAt: start },
        { ...log, reviewedAt: start + 1000 },
      ])
    }
  }

  async function expectHistoryKept(): Promise<void> {
    const states = await db.select({ cardId: cardStates.cardId }).from(cardStates)
    const logs = await db.select({ cardId: reviewLogs.cardId }).from(reviewLogs)
    expect(states.map((row) => row.cardId).sort()).toEqual([...ids].sort())
    expect(logs.length).toBe(ids.length * 2)
    const known = new Set((await db.select({ id: cards.id }).from(cards)).map((row) => row.id))
    expect(ids.every((id) => known.has(id))).toBe(true)
  }

  const live = async () => (await db.select().from(cards)).filter((row) => row.retiredAt === null)

  it('adds every card on the first sync', async () => {
    const deck = compile({ 'arch.md': arch, 'cli.md': cli })
    expect(await syncDeck(db, deck, start)).toEqual(result({ added: 5 }))
    ids = deck.cards.map((card) => card.id)
    expect(deck.cards.map((card) => [card.kind, card.marked])).toEqual([
      ['basic', true],
      ['reverse', true],
      ['basic', true],
      ['basic', true],
      ['basic', false],
    ])
    await study()
    expect((await db.select().from(decks)).map((row) => [row.slug, row.title])).toEqual([['docker', 'Docker']])
    expect((await db.select().from(topics)).map((row) => [row.slug, row.file, row.position])).toEqual([
      ['arch', 'arch.md', 0],
      ['cli', 'cli.md', 1],
    ])
  })

  it('writes nothing when nothing changed', async () => {
    expect(await syncDeck(db, compile({ 'arch.md': arch, 'cli.md': cli }), start + day)).toEqual(
      result({ unchanged: 5 }),
    )
    expect((await db.select().from(decks))[0]?.updatedAt).toBe(start)
  })

  it('updates a marked card in place when its prompt is reworded', async () => {
    arch = arch.replace('Default runtime? ::', 'Which OCI runtime does containerd use by default? ::')
    expect(await syncDeck(db, compile({ 'arch.md': arch, 'cli.md': cli }), start + 2 * day)).toEqual(
      result({ updated: 1, unchanged: 4 }),
    )
    const rows = await live()
    expect(rows.find((row) => row.prompt.startsWith('Which OCI runtime'))?.id).toBe(ids[2])
    await expectHistoryKept()
  })

  it('updates an unmarked card in place when its answer is reworded', async () => {
    cli = cli.replace(':: docker ps', ':: docker container ls')
    expect(await syncDeck(db, compile({ 'arch.md': arch, 'cli.md': cli }), start + 3 * day)).toEqual(
      result({ updated: 1, unchanged: 4 }),
    )
    expect((await live()).find((row) => row.answer === 'docker container ls')?.id).toBe(ids[4])
    await expectHistoryKept()
  })

  it('keeps a marked card that moves to another file and topic', async () => {
    // Two updates: the moved card, and the card whose position in the deck it took.
    const line = arch.split('\n').find((text) => text.startsWith('Default registry?')) ?? ''
    arch = arch.replace(`${line}\n`, '')
    cli = `${cli}\n${line}\n`
    expect(await syncDeck(db, compile({ 'arch.md': arch, 'cli.md': cli }), start + 4 * day)).toEqual(
      result({ updated: 2, unchanged: 3 }),
    )
    const moved = (await live()).find((row) => row.id === ids[3])
    expect([moved?.topic, moved?.sourceFile]).toEqual(['cli', 'cli.md'])
    await expectHistoryKept()
  })

  it('keeps every card when a file is renamed', async () => {
    const deck = compile({ '01-architecture.md': arch, 'cli.md': cli })
    expect(await syncDeck(db, deck, start + 5 * day)).toEqual(result({ updated: 3, unchanged: 2 }))
    expect((await live()).filter((row) => row.sourceFile === '01-architecture.md').length).toBe(3)
    expect((await db.select().from(topics).where(eq(topics.slug, 'arch')))[0]?.file).toBe('01-architecture.md')
    await expectHistoryKept()
  })

  it('retires a deleted card and keeps its history', async () => {
    const without = cli.replace(/\nDefault registry\?.*\n/, '\n')
    const now = start + 6 * day
    expect(await syncDeck(db, compile({ '01-architecture.md': arch, 'cli.md': without }), now)).toEqual(
      result({ retired: 1, unchanged: 4 }),
    )
    const [gone] = await db
      .select()
      .from(cards)
      .where(eq(cards.id, ids[3] ?? ''))
    expect(gone?.retiredAt).toBe(now)
    await expectHistoryKept()
  })

  it('revives the card with its history when it is added back', async () => {
    expect(await syncDeck(db, compile({ '01-architecture.md': arch, 'cli.md': cli }), start + 7 * day)).toEqual(
      result({ revived: 1, unchanged: 4 }),
    )
    const [back] = await db
      .select()
      .from(cards)
      .where(eq(cards.id, ids[3] ?? ''))
    expect(back?.retiredAt).toBeNull()
    await expectHistoryKept()
  })

  it('keeps ids and content when the missing markers are written', async () => {
    const files = { '01-architecture.md': arch, 'cli.md': cli }
    const withMarkers = { ...files, 'cli.md': marked(files, 'cli.md') }
    expect(withMarkers['cli.md']).not.toBe(cli)
    expect(compile(withMarkers).markerSlots).toEqual([])
    expect(await syncDeck(db, compile(withMarkers), start + 8 * day)).toEqual(result({ unchanged: 5 }))
    await expectHistoryKept()
  })
})

describe('syncing the content folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'dockdeck-sync-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('syncs decks without errors and leaves a deck with errors (a note claiming another deck) as it was', async () => {
    const { db, close } = await createTestDb()
    mkdirSync(join(root, 'content/good'), { recursive: true })
    mkdirSync(join(root, 'content/bad'), { recursive: true })
    writeFileSync(join(root, 'content/good/a.md'), '---\ndeck: good\ntopic: a\ntitle: A\n---\n\nQ? :: A\n')
    writeFileSync(join(root, 'content/bad/a.md'), '---\ndeck: good\n---\n\nQ? :: A\n')
    const report = await syncContent(db, join(root, 'content'), start)
    expect([report.decks, report.cards]).toEqual([1, 1])
    expect(report.results).toEqual([{ deck: 'bad' }, { deck: 'good', result: result({ added: 1 }) }])
    expect(report.diagnostics.map((item) => [item.file, item.code])).toEqual([['bad/a.md', 'front-matter-deck']])
    expect((await db.select().from(cards)).map((row) => row.deck)).toEqual(['good'])
    expect(await syncContent(db, join(root, 'missing'), start)).toEqual({
      decks: 0,
      cards: 0,
      results: [],
      diagnostics: [],
    })
    close()
  })
})

describe('syncing a deck folder with sub-folders and notes without front matter', () => {
  const root = mkdtempSync(join(tmpdir(), 'dockdeck-vault-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const deck = join(root, 'content/vault')
  const write = (path: string, text: string) => {
    mkdirSync(join(deck, path, '..'), { recursive: true })
    writeFileSync(join(deck, path), text)
  }

  it('syncs every note at every level and keeps ids and history when a note moves to another folder', async () => {
    const { db, close } = await createTestDb()
    await db.insert(users).values({ id: 'u1', email: 'a@example.com', passwordHash: 'x', createdAt: start })
    write('intro.md', '# Docker in one page\n\nWhat is Docker? :: a container platform\n')
    write('networking/overlay.md', '## Ports\n\n**VXLAN**: the overlay tunnel, on 4789/udp\n')
    write('.obsidian/workspace.md', 'Not :: a note\n')
    const first = await syncContent(db, join(root, 'content'), start)
    expect([first.diagnostics, first.cards]).toEqual([[], 3])
    const topicRows = async () => (await db.select().from(topics)).map((row) => [row.slug, row.title, row.file]).sort()
    expect(await topicRows()).toEqual([
      ['intro', 'Docker in one page', 'intro.md'],
      ['networking-overlay', 'Ports', 'networking/overlay.md'],
    ])
    const overlay = (await db.select().from(cards)).filter((row) => row.sourceFile === 'networking/overlay.md')
    expect(overlay).toHaveLength(2)
    for (const card of overlay) {
      const state = { due: start + day, stability: 2, difficulty: 5, elapsedDays: 0, scheduledDays: 1 }
      const memory = { ...state, learningSteps: 0, reps: 1, lapses: 0 }
      await db.insert(cardStates).values({
        userId: 'u1',
        cardId: card.id,
        ...memory,
        state: 2,
        lastReview: start,
        updatedAt: start,
      })
      await db.insert(reviewLogs).values({
        userId: 'u1',
        cardId: card.id,
        rating: 3,
        state: 0,
        ...memory,
        lastElapsedDays: 0,
        before: '{}',
        stateAfter: 2,
        dueAfter: start + day,
        reviewedAt: start,
      })
    }

    rmSync(join(deck, 'networking'), { recursive: true })
    write('swarm/networking/overlay.md', '## Ports\n\n**VXLAN**: the overlay tunnel, on 4789/udp\n')
    const moved = await syncContent(db, join(root, 'content'), start + day)
    expect(moved.results).toEqual([{ deck: 'vault', result: result({ updated: 2, unchanged: 1 }) }])
    const after = (await db.select().from(cards)).filter((row) => row.sourceFile === 'swarm/networking/overlay.md')
    expect(after.map((row) => [row.id, row.topic, row.retiredAt])).toEqual(
      overlay.map((row) => [row.id, 'swarm-networking-overlay', null]),
    )
    expect(await topicRows()).toEqual([
      ['intro', 'Docker in one page', 'intro.md'],
      ['swarm-networking-overlay', 'Ports', 'swarm/networking/overlay.md'],
    ])
    const kept = await db.select({ cardId: reviewLogs.cardId }).from(reviewLogs)
    expect(kept.map((row) => row.cardId).sort()).toEqual(overlay.map((row) => row.id).sort())
    expect((await db.select().from(cardStates)).map((row) => row.cardId).sort()).toEqual(
      overlay.map((row) => row.id).sort(),
    )
    close()
  })
})
