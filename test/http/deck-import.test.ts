import { and, eq } from 'drizzle-orm'
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cardStates, cards, deckNotes, reviewLogs } from '../../src/db/schema'
import { ankiDeck, crt } from '../helpers/anki-fixture'
import { buildPackage } from '../helpers/anki-package'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck } from '../helpers/own-deck'
import { importFiles } from '../helpers/upload'

const day = 86_400_000

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as T
}

interface ImportAnswer {
  files: Array<{ name: string; notes: number; cards?: number; reviews?: number; media?: { missing: string[] } }>
  notes: string[]
  cards: number
  kinds: Record<string, number>
  history: { states: number; reviews: number }
  sync: { added: number; unchanged: number }
  warnings: unknown[]
}

describe('importing files into a deck', () => {
  let t: TestApp
  let ada: Browser
  let bob: Browser
  let slug: string
  let answer: ImportAnswer

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
    bob = (await signUp(t.app, 'Bob')).browser
    slug = await createDeck(ada, { name: 'From Anki' })
    answer = await json<ImportAnswer>(
      await importFiles(ada, slug, [{ name: 'docker.apkg', content: await buildPackage(ankiDeck) }]),
      200,
    )
  })

  it('makes our kinds of the Anki note types: basic, basic and reversed, cloze, type-in', () => {
    expect(answer.kinds).toEqual({ basic: 4, reverse: 1, cloze: 2, typein: 1 })
    expect(answer.cards).toBe(8)
    expect(answer.notes.sort()).toEqual(['default.md', 'docker/networking.md'])
  })

  it('keeps the deck hierarchy as folders and the tags as tags', async () => {
    const rows = await t.db.select().from(cards).where(eq(cards.deck, slug))
    const ps = rows.find((row) => row.prompt.includes('docker ps'))
    expect(JSON.parse(ps!.tags)).toEqual(['docker/cli', 'ps'])
    expect(rows.filter((row) => row.sourceFile === 'docker/networking.md')).toHaveLength(4)
  })

  it('takes field text as written: SQL and card syntax in a field are text, HTML is dropped', async () => {
    const rows = await t.db.select().from(cards).where(eq(cards.deck, slug))
    const robert = rows.find((row) => row.prompt.startsWith('Robert'))
    expect(robert?.prompt.replace(/\u2060/g, '')).toBe("Robert'); DROP TABLE cards;--")
    expect(robert?.answer.replace(/\u2060/g, '')).toBe('x :: y ==z== {{c1::w}} #tag')
    expect(robert?.kind).toBe('basic')
    const xss = rows.find((row) => row.prompt.includes('XSS'))
    for (const html of [xss!.promptHtml, xss!.answerHtml]) {
      expect(html).not.toMatch(/<script|javascript:|<img/i)
    }
    expect(xss?.answer).toContain('Cross-site scripting')
  })

  it('brings the schedules and review history in as our states and logs', async () => {
    expect(answer.history).toEqual({ states: 3, reviews: 4 })
    const user = (await t.db.select().from(cards).where(eq(cards.deck, slug))).find((row) =>
      row.prompt.includes('docker ps'),
    )!
    const states = await t.db.select().from(cardStates).where(eq(cardStates.cardId, user.id))
    expect(states).toHaveLength(1)
    expect(states[0]).toMatchObject({ state: 2, scheduledDays: 10, reps: 3, lapses: 1, suspended: false })
    expect(states[0]!.due).toBe((crt + 380 * 86_400) * 1000)
    const logs = await t.db.select().from(reviewLogs).where(eq(reviewLogs.cardId, user.id))
    expect(logs.map((log) => [log.rating, log.state, log.stateAfter, log.origin])).toEqual([
      [3, 0, 1, 'import'],
      [1, 1, 2, 'import'],
      [3, 2, 2, 'import'],
    ])
    expect(logs[2]!.dueAfter).toBe(Date.UTC(2026, 0, 5, 9) + 10 * day)
    const all = await t.db.select().from(cardStates)
    expect(all.filter((s) => s.suspended)).toHaveLength(1)
    expect(all.find((s) => s.difficulty === 6.1)?.stability).toBe(4.2)
  })

  it('lists media referenced but not in the package', () => {
    expect(answer.files[0]?.media?.missing).toEqual(['missing.png'])
  })

  it('keeps every card and its history when the same package is imported again', async () => {
    const again = await json<ImportAnswer>(
      await importFiles(ada, slug, [{ name: 'docker.apkg', content: await buildPackage(ankiDeck) }]),
      200,
    )
    expect(again.sync).toMatchObject({ added: 0, unchanged: 8 })
    expect(again.history).toEqual({ states: 0, reviews: 0 })
    expect(await t.db.select().from(reviewLogs)).toHaveLength(4)
  })

  it('answers 404 to someone who may not see the deck', async () => {
    const res = await importFiles(bob, slug, [{ name: 'a.md', content: 'Q :: A\n' }])
    expect(res.status).toBe(404)
  })
})

describe('importing Quizlet tables, Markdown and Obsidian vaults', () => {
  let t: TestApp
  let ada: Browser
  let slug: string

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
    slug = await createDeck(ada, { name: 'Mixed' })
  })

  it('reads a Quizlet TSV and a comma CSV with quoted multi-line definitions', async () => {
    const tsv = 'image\ta read-only template\ncontainer\ta running instance of an image\n'
    const csv = 'term,definition\n"volume","persistent data\nmanaged by Docker"\n"bind mount","a host path, mounted"\n'
    const res = await json<ImportAnswer>(
      await importFiles(ada, slug, [
        { name: 'basics.tsv', content: tsv },
        { name: 'Storage.csv', content: csv },
      ]),
      200,
    )
    expect(res.notes).toEqual(['basics.md', 'storage.md'])
    const rows = await t.db.select().from(cards).where(eq(cards.deck, slug))
    expect(rows.map((row) => [row.prompt, row.answer])).toEqual(
      expect.arrayContaining([
        ['image', 'a read-only template'],
        ['volume', 'persistent data managed by Docker'],
        ['bind mount', 'a host path, mounted'],
      ]),
    )
    expect(rows.map((row) => row.prompt)).not.toContain('term')
    expect(rows.find((row) => row.prompt === 'volume')?.answerHtml).toMatch(/persistent data<br>\s*managed by Docker/)
  })

  it('reads a zipped vault: folders kept, hidden folders skipped, Obsidian-SR schedules as states', async () => {
    const zip = zipSync({
      'vault/net/ports.md': strToU8('#flashcards\n\nPublish flag::-p <!--SR:!2026-01-20,5,250-->\n'),
      'vault/intro.md': strToU8('# Intro\n\nWhat is Docker? :: a container platform\n'),
      'vault/.obsidian/app.md': strToU8('Not :: a note\n'),
    })
    const res = await json<ImportAnswer>(await importFiles(ada, slug, [{ name: 'vault.zip', content: zip }]), 200)
    expect(res.notes.sort()).toEqual(['intro.md', 'net/ports.md'])
    expect(res.history.states).toBe(1)
    const [card] = await t.db
      .select()
      .from(cards)
      .where(and(eq(cards.deck, slug), eq(cards.sourceFile, 'net/ports.md')))
    const [state] = await t.db.select().from(cardStates).where(eq(cardStates.cardId, card!.id))
    expect(state).toMatchObject({ state: 2, due: Date.UTC(2026, 0, 20), scheduledDays: 5 })
  })

  it('refuses a whole upload when one file is bad, naming the file and row, and writes nothing', async () => {
    const before = await t.db.select().from(deckNotes).where(eq(deckNotes.deck, slug))
    const res = await importFiles(ada, slug, [
      { name: 'good.md', content: 'Fine? :: yes\n' },
      { name: 'bad.csv', content: 'a,b\nc,d\ne,\n' },
    ])
    expect(await json(res, 422)).toMatchObject({ code: 'invalid_notes', file: 'bad.csv', row: 3 })
    expect(await t.db.select().from(deckNotes).where(eq(deckNotes.deck, slug))).toEqual(before)
  })

  it('names the file and line of a note with errors', async () => {
    const res = await importFiles(ada, slug, [{ name: 'broken.md', content: 'Fine? :: yes\n\n:: no question\n' }])
    expect(await json(res, 422)).toMatchObject({ file: 'broken.md', line: 3 })
  })

  it('refuses a zip whose paths leave the archive', async () => {
    for (const path of ['../evil.md', 'notes/../../evil.md', '/etc/evil.md', 'C:/evil.md', 'a\\..\\evil.md']) {
      const zip = zipSync({ 'notes/fine.md': strToU8('Q :: A\n'), [path]: strToU8('Q2 :: A2\n') })
      const res = await importFiles(ada, slug, [{ name: 'evil.zip', content: zip }])
      const problem = await json<{ detail: string }>(res, 422)
      expect(problem, path).toMatchObject({ file: 'evil.zip' })
      expect(problem.detail).toContain('outside itself')
    }
  })

  it('refuses a zip bomb from its declared sizes, before inflating it', async () => {
    const zip = zipSync({ 'a.md': strToU8('Q :: A\n'), 'b.md': strToU8('Q2 :: A2\n') })
    // Declare 100 MB for each entry in the central directory, as a bomb would.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let at = 0; at < zip.length - 4; at += 1)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100 * 1024 * 1024, true)
    const res = await importFiles(ada, slug, [{ name: 'bomb.zip', content: zip }])
    expect(await json(res, 413)).toMatchObject({ code: 'payload_too_large', file: 'bomb.zip' })
  })

  it('refuses a field over the size limit, a file it cannot read and a type it does not know', async () => {
    const huge = `term,${'x'.repeat(20_000)}\n`
    expect(await json(await importFiles(ada, slug, [{ name: 'big.csv', content: huge }]), 413)).toMatchObject({
      file: 'big.csv',
    })
    expect(await json(await importFiles(ada, slug, [{ name: 'x.apkg', content: 'not a zip' }]), 422)).toMatchObject({
      file: 'x.apkg',
    })
    const junk = zipSync({ 'collection.anki21': strToU8("SQLite format 3\0garbage'); drop table cards;") })
    expect(await json(await importFiles(ada, slug, [{ name: 'j.apkg', content: junk }]), 422)).toMatchObject({
      file: 'j.apkg',
    })
    expect(await json(await importFiles(ada, slug, [{ name: 'x.exe', content: 'MZ' }]), 422)).toMatchObject({
      file: 'x.exe',
    })
    expect((await importFiles(ada, slug, [])).status).toBe(400)
  })
})
