import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cardStates, cards, reviewLogs } from '../../src/db/schema'
import { ankiDeck } from '../helpers/anki-fixture'
import { buildPackage } from '../helpers/anki-package'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { createDeck, writeNote } from '../helpers/own-deck'
import { importFiles } from '../helpers/upload'

const plain = (text: string) => text.replace(/\u2060/g, '')

async function download(browser: Browser, slug: string, format: string) {
  const res = await browser.request(`/api/v1/decks/${slug}/export?format=${format}`)
  expect(res.status, format).toBe(200)
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** Opens the collection inside a package with libSQL and runs `read` on it: a reader that shares no code with ours. */
async function readPackage<T>(bytes: Uint8Array, read: (db: ReturnType<typeof createClient>) => Promise<T>) {
  const files = unzipSync(bytes)
  const dir = await mkdtemp(join(tmpdir(), 'export-read-'))
  const path = join(dir, 'c.anki2')
  await writeFile(path, files['collection.anki2']!)
  const db = createClient({ url: `file:${path}`, intMode: 'number' })
  try {
    return { files: Object.keys(files), result: await read(db) }
  } finally {
    db.close()
    await rm(dir, { recursive: true, force: true })
  }
}

describe('exporting a deck', () => {
  let t: TestApp
  let ada: Browser
  let bob: Browser
  let slug: string

  beforeAll(async () => {
    t = await createTestApp()
    await seedDeck(t.db, { perTopic: 2 })
    ada = (await signUp(t.app, 'Ada')).browser
    bob = (await signUp(t.app, 'Bob')).browser
    slug = await createDeck(ada, { name: 'From Anki' })
    const res = await importFiles(ada, slug, [{ name: 'docker.apkg', content: await buildPackage(ankiDeck) }])
    expect(res.status, await res.clone().text()).toBe(200)
    const next = (await (await ada.request(`/api/v1/review/next?deck=${slug}`)).json()) as { card: { id: string } }
    const review = await ada.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: next.card.id, rating: 'good' },
    })
    expect(review.status).toBe(201)
  })

  it('writes an Anki package whose notes, cards and review log read back by Anki’s schema', async () => {
    const { res, bytes } = await download(ada, slug, 'apkg')
    expect(res.headers.get('content-disposition')).toContain(`${slug}.apkg`)
    const ours = await t.db.select().from(cards).where(eq(cards.deck, slug))
    const logs = await t.db.select().from(reviewLogs)
    const { files, result } = await readPackage(bytes, async (db) => ({
      col: (await db.execute('select crt, models, decks from col')).rows[0]!,
      notes: (await db.execute('select id, guid, mid, tags, flds from notes')).rows,
      cards: (await db.execute('select nid, did, ord, type, queue, due, ivl, factor, reps, lapses, data from cards'))
        .rows,
      revlog: (await db.execute('select cid, ease, ivl, type from revlog order by id')).rows,
    }))
    expect(files.sort()).toEqual(['collection.anki2', 'media'])
    const models = JSON.parse(String(result.col.models)) as Record<string, { name: string; flds: { name: string }[] }>
    expect(
      Object.values(models)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['Basic', 'Basic (type in the answer)'])
    expect(Object.values(models)[0]!.flds.map((f) => f.name)).toEqual(['Front', 'Back'])
    expect(result.notes).toHaveLength(ours.length)
    const ps = ours.find((card) => card.prompt.includes('docker ps'))!
    const note = result.notes.find((row) => row.guid === ps.id)!
    expect(String(note.flds).split('\u001f')).toEqual([ps.promptHtml, ps.answerHtml])
    expect(String(note.tags).trim()).toBe('docker::cli ps')
    const card = result.cards.find((row) => row.nid === note.id)!
    const [state] = await t.db.select().from(cardStates).where(eq(cardStates.cardId, ps.id))
    expect(card).toMatchObject({ type: 2, queue: 2, ivl: 10, reps: 3, lapses: 1 })
    expect((Number(result.col.crt) + Number(card.due) * 86_400) * 1000).toBe(state!.due)
    expect(JSON.parse(String(card.data))).toEqual({ s: state!.stability, d: state!.difficulty })
    expect(result.revlog).toHaveLength(logs.length)
    expect(result.revlog.map((row) => row.ease)).toEqual(
      logs.sort((a, b) => a.reviewedAt - b.reviewedAt).map((log) => log.rating),
    )
    const decks = JSON.parse(String(result.col.decks)) as Record<string, { name: string }>
    expect(Object.values(decks).map((d) => d.name)).toContain('From Anki::docker-networking')
  })

  it('round-trips through our own importer: the same cards, states and history in a second account', async () => {
    const { bytes } = await download(ada, slug, 'apkg')
    const copy = await createDeck(bob, { name: 'Copy' })
    const res = await importFiles(bob, copy, [{ name: `${slug}.apkg`, content: bytes }])
    expect(res.status, await res.clone().text()).toBe(200)
    const theirs = await t.db.select().from(cards).where(eq(cards.deck, copy))
    const ours = await t.db.select().from(cards).where(eq(cards.deck, slug))
    expect(theirs.map((card) => plain(card.prompt)).sort()).toEqual(ours.map((card) => plain(card.prompt)).sort())
    expect(theirs.find((card) => card.prompt.includes('local images'))?.kind).toBe('typein')
    const bobId = (await t.db.select().from(cardStates)).find((s) => !ours.some((c) => c.id === s.cardId))?.userId
    const bobStates = await t.db.select().from(cardStates).where(eq(cardStates.userId, bobId!))
    const adaStates = (await t.db.select().from(cardStates)).filter((s) => s.userId !== bobId)
    // Anki keeps a review card's due as a day number: the time of day is not carried.
    const byDay = (s: (typeof adaStates)[number]) => [s.state, Math.floor(s.due / 86_400_000), s.suspended, s.reps]
    expect(bobStates.map(byDay).sort()).toEqual(adaStates.map(byDay).sort())
    const bobLogs = await t.db.select().from(reviewLogs).where(eq(reviewLogs.userId, bobId!))
    const adaLogs = (await t.db.select().from(reviewLogs)).filter((l) => l.userId !== bobId)
    expect(bobLogs.map((l) => [l.rating, l.reviewedAt]).sort()).toEqual(
      adaLogs.map((l) => [l.rating, l.reviewedAt]).sort(),
    )
  })

  it('writes a CSV and a TSV that our importer reads back, and the notes as a zip', async () => {
    const csv = strFromU8((await download(ada, slug, 'csv')).bytes)
    expect(csv).toContain('Robert')
    const tsv = strFromU8((await download(ada, slug, 'tsv')).bytes)
    expect(tsv.split('\n')[0]!.split('\t')).toHaveLength(3)
    const copy = await createDeck(ada, { name: 'Table copy' })
    const res = await importFiles(ada, copy, [{ name: 'copy.csv', content: csv }])
    const body = (await res.json()) as { cards: number }
    expect(body.cards).toBe((await t.db.select().from(cards).where(eq(cards.deck, slug))).length)
    const zip = unzipSync((await download(ada, slug, 'md')).bytes)
    expect(Object.keys(zip).sort()).toEqual(['default.md', 'docker/networking.md'])
    expect(strFromU8(zip['default.md']!)).toMatch(/<!-- card: [0-9a-f]{12} -->/)
  })

  it('guards cells a spreadsheet would run as formulas, and reads them back unchanged', async () => {
    const risky = await createDeck(ada, { name: 'Formulas' })
    const note = ['# Flags', '', '=SUM(A1)', '?', '-v', '', '@home', '?', '+1 and "quoted", too', ''].join('\n')
    await writeNote(ada, risky, 'flags.md', note)
    const sides = async (deck: string) =>
      (await t.db.select().from(cards).where(eq(cards.deck, deck)))
        .map((card) => [plain(card.prompt), plain(card.answer)])
        .sort()
    const written = await sides(risky)
    expect(written).toEqual([
      ['=SUM(A1)', '-v'],
      ['@home', '+1 and "quoted", too'],
    ])
    const csv = strFromU8((await download(ada, risky, 'csv')).bytes)
    expect(csv).toContain(`'=SUM(A1),'-v,`)
    expect(csv).toContain(`'@home,"'+1 and ""quoted"", too",`)
    const tsv = strFromU8((await download(ada, risky, 'tsv')).bytes)
    expect(tsv).toContain(`'=SUM(A1)\t'-v\t`)
    for (const [format, text] of [
      ['csv', csv],
      ['tsv', tsv],
    ] as const) {
      const copy = await createDeck(ada, { name: `Formulas from ${format}` })
      const res = await importFiles(ada, copy, [{ name: `copy.${format}`, content: text }])
      expect(res.status, await res.clone().text()).toBe(200)
      expect(await sides(copy), format).toEqual(written)
    }
  })

  it('answers 404 for a deck one may not see, 422 for the notes of a shipped deck, 400 for an unknown format', async () => {
    expect((await bob.request(`/api/v1/decks/${slug}/export`)).status).toBe(404)
    expect((await ada.request('/api/v1/decks/docker/export?format=md')).status).toBe(422)
    expect((await ada.request('/api/v1/decks/docker/export?format=csv')).status).toBe(200)
    expect((await ada.request(`/api/v1/decks/${slug}/export?format=pdf`)).status).toBe(400)
  })
})
