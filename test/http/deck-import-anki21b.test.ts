import { eq, inArray } from 'drizzle-orm'
import { decompress } from 'fzstd'
import { beforeAll, describe, expect, it } from 'vitest'
import { cardStates, cards, deckNotes, reviewLogs } from '../../src/db/schema'
import { ankiDeck } from '../helpers/anki-fixture'
import { buildPackage } from '../helpers/anki-package'
import { package21bFiles, zip21b } from '../helpers/anki-package-21b'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck } from '../helpers/own-deck'
import { importFiles } from '../helpers/upload'

interface ImportAnswer {
  files: Array<{ name: string; notes: number; cards?: number; reviews?: number; media?: unknown }>
  notes: string[]
  cards: number
  kinds: Record<string, number>
  history: { states: number; reviews: number }
  sync: { added: number; unchanged: number }
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as T
}

const zstdMagic = [0x28, 0xb5, 0x2f, 0xfd]

/** What a deck holds after an import, with the deck's slug and row ids taken out, to compare two decks. */
async function deckContent(t: TestApp, slug: string) {
  const rows = await t.db.select().from(cards).where(eq(cards.deck, slug))
  // Card ids are scoped by deck: a card is named by where it comes from instead.
  const where = new Map(rows.map((row) => [row.id, `${row.sourceFile}:${row.sourceLine}:${row.kind}:${row.prompt}`]))
  const local = (id: string) => where.get(id) ?? id.replaceAll(slug, '<deck>')
  const ids = rows.map((row) => row.id)
  const states = await t.db.select().from(cardStates).where(inArray(cardStates.cardId, ids))
  const logs = await t.db.select().from(reviewLogs).where(inArray(reviewLogs.cardId, ids))
  const notes = await t.db.select().from(deckNotes).where(eq(deckNotes.deck, slug))
  return {
    notes: notes.map(({ path, text }) => ({ path, text })).sort((a, b) => a.path.localeCompare(b.path)),
    cards: rows
      // contentHash hashes the row with its id and deck; every other column is compared.
      .map(({ contentHash: _, ...row }) => ({ ...row, id: local(row.id), deck: '<deck>', group: local(row.group) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    states: states
      .map(({ updatedAt: _, ...state }) => ({ ...state, cardId: local(state.cardId) }))
      .sort((a, b) => a.cardId.localeCompare(b.cardId)),
    logs: logs
      .map(({ id: _, ...log }) => ({ ...log, cardId: local(log.cardId) }))
      .sort((a, b) => a.cardId.localeCompare(b.cardId) || a.reviewedAt - b.reviewedAt),
  }
}

describe('importing a modern Anki package (.anki21b: zstd, schema 18, protobuf settings)', () => {
  let t: TestApp
  let ada: Browser
  let files: Record<string, Uint8Array>
  let modern: Uint8Array
  let legacySlug: string
  let modernSlug: string
  let legacyAnswer: ImportAnswer
  let modernAnswer: ImportAnswer

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
    // The same deck as the legacy import test: net.png is stored, missing.png is only referenced.
    files = await package21bFiles(ankiDeck, { 'net.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]) })
    modern = zip21b(files)
    legacySlug = await createDeck(ada, { name: 'Legacy Anki' })
    modernSlug = await createDeck(ada, { name: 'Modern Anki' })
    legacyAnswer = await json<ImportAnswer>(
      await importFiles(ada, legacySlug, [{ name: 'docker.apkg', content: await buildPackage(ankiDeck) }]),
      200,
    )
    modernAnswer = await json<ImportAnswer>(
      await importFiles(ada, modernSlug, [{ name: 'docker.apkg', content: modern }]),
      200,
    )
  })

  it('is built as Anki 2.1.50+ writes it: meta, zstd schema-18 collection, dummy collection.anki2, zstd media', () => {
    expect(Object.keys(files).sort()).toEqual(['0', 'collection.anki2', 'collection.anki21b', 'media', 'meta'])
    for (const name of ['collection.anki21b', 'media', '0']) expect([...files[name]!.subarray(0, 4)]).toEqual(zstdMagic)
    expect([...files.meta!]).toEqual([0x08, 0x03])
    // The collection is a WAL-mode SQLite file (header bytes 18 and 19 are 2), as Anki leaves it.
    const collection = decompress(files['collection.anki21b']!)
    expect(new TextDecoder().decode(collection.subarray(0, 15))).toBe('SQLite format 3')
    expect([collection[18], collection[19]]).toEqual([2, 2])
    // Every entry stored, not deflated (compression method 0 in each local header).
    const view = new DataView(modern.buffer, modern.byteOffset, modern.byteLength)
    const methods: number[] = []
    for (let at = 0; at < modern.length - 4; at += 1)
      if (view.getUint32(at, true) === 0x04034b50) methods.push(view.getUint16(at + 8, true))
    expect(methods).toEqual([0, 0, 0, 0, 0])
  })

  it('makes the same notes, cards, kinds, tags and deck hierarchy as the legacy .apkg of the same deck', async () => {
    expect(modernAnswer.kinds).toEqual({ basic: 4, reverse: 1, cloze: 2, typein: 1 })
    expect(modernAnswer.notes.sort()).toEqual(['default.md', 'docker/networking.md'])
    expect(modernAnswer.kinds).toEqual(legacyAnswer.kinds)
    expect(modernAnswer.cards).toBe(legacyAnswer.cards)
    const [legacy, fresh] = [await deckContent(t, legacySlug), await deckContent(t, modernSlug)]
    expect(fresh.notes).toEqual(legacy.notes)
    expect(fresh.cards).toEqual(legacy.cards)
    const ps = fresh.cards.find((card) => card.prompt.includes('docker ps'))
    expect(JSON.parse(ps!.tags)).toEqual(['docker/cli', 'ps'])
    expect(fresh.cards.filter((card) => card.sourceFile === 'docker/networking.md')).toHaveLength(4)
  })

  it('brings the same schedules and review history in as the legacy .apkg does', async () => {
    expect(modernAnswer.history).toEqual({ states: 3, reviews: 4 })
    expect(modernAnswer.history).toEqual(legacyAnswer.history)
    const [legacy, fresh] = [await deckContent(t, legacySlug), await deckContent(t, modernSlug)]
    expect(fresh.states).toHaveLength(3)
    expect(fresh.states).toEqual(legacy.states)
    expect(fresh.logs).toHaveLength(4)
    expect(fresh.logs).toEqual(legacy.logs)
    expect(fresh.states.filter((state) => state.suspended)).toHaveLength(1)
  })

  it('reads the protobuf media list: the stored file is not missing, the unstored one is reported', () => {
    expect(modernAnswer.files[0]?.media).toEqual({ referenced: 2, missing: ['missing.png'], notStored: 1 })
    expect(modernAnswer.files[0]?.media).toEqual(legacyAnswer.files[0]?.media)
  })

  it('refuses a truncated zstd collection with a problem naming the file, and writes nothing', async () => {
    const slug = await createDeck(ada, { name: 'Spoilt Anki' })
    const whole = files['collection.anki21b']!
    const truncated = zip21b({ ...files, 'collection.anki21b': whole.subarray(0, Math.floor(whole.length / 2)) })
    const res = await importFiles(ada, slug, [
      { name: 'good.apkg', content: modern },
      { name: 'cut.apkg', content: truncated },
    ])
    const problem = await json<{ file: string; detail: string }>(res, 422)
    expect(problem.file).toBe('cut.apkg')
    expect(problem.detail).toBe('cut.apkg: collection.anki21b is not readable zstd data (unexpected EOF)')
    expect(await t.db.select().from(deckNotes).where(eq(deckNotes.deck, slug))).toEqual([])
    expect(await t.db.select().from(cards).where(eq(cards.deck, slug))).toEqual([])
  })

  it('refuses a zstd collection whose frame is corrupt, naming the file', async () => {
    const slug = await createDeck(ada, { name: 'Corrupt Anki' })
    // A zstd frame header with a reserved bit set: not data any decoder may accept.
    const corrupt = Uint8Array.from(files['collection.anki21b']!)
    corrupt[4] = corrupt[4]! | 0x08
    const res = await importFiles(ada, slug, [
      { name: 'bad.apkg', content: zip21b({ ...files, 'collection.anki21b': corrupt }) },
    ])
    const problem = await json<{ file: string; detail: string }>(res, 422)
    expect(problem).toMatchObject({ file: 'bad.apkg' })
    expect(problem.detail).toContain('collection.anki21b is not readable zstd data')
    expect(await t.db.select().from(cards).where(eq(cards.deck, slug))).toEqual([])
  })
})
