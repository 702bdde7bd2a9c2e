import { count, eq, sql } from 'drizzle-orm'
import * as libsqlCore from 'drizzle-orm/libsql/driver-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHranaClient, type HranaClient, pipelineUrl } from '../../src/db/hrana-http'
import type { Db } from '../../src/db/index'
import { cards, decks, schema } from '../../src/db/schema'
import { hasTursodb, startTursodb, type Tursodb } from '../helpers/tursodb'

const { construct } = libsqlCore as unknown as {
  construct(client: HranaClient, config: { schema: typeof schema }): Db
}

/**
 * The Turso Worker's own Hrana-over-HTTP client (src/db/hrana-http.ts) against a real libSQL
 * server, `tursodb --sync-server`, on a database migrated by the project's migrations and holding
 * the Docker deck; then drizzle's libSQL session on top of it, as the Worker builds it.
 */
describe.skipIf(!hasTursodb)('the Hrana HTTP client against tursodb --sync-server', () => {
  let server: Tursodb
  let client: HranaClient
  const bodies: string[] = []

  beforeAll(async () => {
    server = await startTursodb('content')
    // The real fetch, recording each request body: one HTTP request per call, never a `close`.
    client = createHranaClient({
      url: server.url,
      fetch: (input, init) => {
        bodies.push(String(init?.body))
        return fetch(input, init)
      },
    })
    await client.execute('create table scratch (id integer primary key, v)')
  }, 120_000)

  afterAll(() => server?.stop())

  async function scratchCount() {
    return (await client.execute('select count(*) as n from scratch')).rows[0]?.n
  }

  it('executes a statement in one pipeline request, with rows shaped as libSQL rows', async () => {
    bodies.length = 0
    const result = await client.execute({
      sql: 'select slug, title, ? as extra from decks where slug = ?',
      args: ['x', 'docker'],
    })
    expect(bodies).toHaveLength(1)
    const body = JSON.parse(bodies[0] as string)
    expect(body.baton).toBeNull()
    expect(body.requests.map((r: { type: string }) => r.type)).not.toContain('close')
    expect(result.columns).toEqual(['slug', 'title', 'extra'])
    expect(result.columnTypes).toEqual(['TEXT', 'TEXT', ''].map((t) => expect.stringMatching(new RegExp(t, 'i'))))
    expect(result.rowsAffected).toBe(0)
    const row = result.rows[0]
    if (!row) throw new Error('no row')
    // Column names enumerable, positions not, as drizzle's normalizeRow and slice.call expect.
    expect(Object.keys(row)).toEqual(['slug', 'title', 'extra'])
    expect([row[0], row[1], row[2], row.length]).toEqual(['docker', 'Docker', 'x', 3])
    expect(Array.prototype.slice.call(row)).toEqual(['docker', 'Docker', 'x'])
    expect(result.toJSON()).toMatchObject({ rows: [['docker', 'Docker', 'x']], rowsAffected: 0 })
  })

  it('reports the rows a write changed and the rowid it inserted; a read after it changes none', async () => {
    const inserted = await client.execute({ sql: 'insert into scratch (v) values (?), (?)', args: ['a', 'b'] })
    expect(inserted.rowsAffected).toBe(2)
    expect(typeof inserted.lastInsertRowid).toBe('bigint')
    const updated = await client.execute({ sql: "update scratch set v = 'c' where v = ?", args: ['a'] })
    expect(updated.rowsAffected).toBe(1)
    const none = await client.execute({ sql: "update scratch set v = 'd' where v = ?", args: ['nothing'] })
    expect(none.rowsAffected).toBe(0)
    await client.execute({ sql: "update scratch set v = 'e' where v = ?", args: ['c'] })
    expect((await client.execute('select * from scratch')).rowsAffected).toBe(0)
    await client.execute('delete from scratch')
  })

  it('commits a batch as one transaction with each statement’s result', async () => {
    bodies.length = 0
    const [first, second, read] = await client.batch(
      [
        { sql: 'insert into scratch (v) values (?)', args: ['one'] },
        { sql: 'insert into scratch (v) values (?), (?)', args: ['two', 'three'] },
        'select v from scratch order by id',
      ],
      'write',
    )
    expect(bodies).toHaveLength(1)
    const steps = JSON.parse(bodies[0] as string).requests[0].batch.steps
    expect(steps[0].stmt.sql).toBe('BEGIN IMMEDIATE')
    expect(steps.at(-2).stmt.sql).toBe('COMMIT')
    expect(steps.at(-1)).toMatchObject({ stmt: { sql: 'ROLLBACK' }, condition: { type: 'not' } })
    expect([first?.rowsAffected, second?.rowsAffected, read?.rowsAffected]).toEqual([1, 2, 0])
    expect(read?.rows.map((row) => row.v)).toEqual(['one', 'two', 'three'])
    expect(await scratchCount()).toBe(3)
    await client.execute('delete from scratch')
  })

  it('rolls a batch back when a statement fails: nothing written, the server’s message thrown', async () => {
    const error = await client
      .batch([
        { sql: 'insert into scratch (v) values (?)', args: ['kept?'] },
        'insert into no_such_table values (1)',
        { sql: 'insert into scratch (v) values (?)', args: ['after'] },
      ])
      .then(
        () => null,
        (e: Error & { code?: string }) => e,
      )
    expect(error?.message).toMatch(/no such table: no_such_table/)
    expect(error?.code).toEqual(expect.any(String))
    expect(await scratchCount()).toBe(0)
    // The connection is not left inside the failed transaction: the next batch commits.
    await client.batch([{ sql: 'insert into scratch (v) values (?)', args: ['next'] }])
    expect(await scratchCount()).toBe(1)
    await client.execute('delete from scratch')
  })

  it('round-trips integers, floats, text, null and blobs as @libsql/client encodes them', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255])
    const when = new Date('2026-03-01T12:00:00Z')
    const result = await client.execute({
      sql: `select ? as big, typeof(?) as bigType, ? as float, typeof(?) as numberType, ? as text, ? as empty,
        ? as blob, typeof(?) as blobType, ? as yes, ? as date, cast(? as integer) as whole`,
      args: [2n ** 52n, 2n ** 52n, 1.5, 3, 'Grüße ✓', null, bytes, bytes.buffer, true, when, 7],
    })
    const row = result.rows[0]
    if (!row) throw new Error('no row')
    expect(row.big).toBe(2 ** 52)
    // A JS number is a float, as @libsql/client sends it: the app binds integers as cast(? as integer).
    expect([row.bigType, row.numberType, row.whole]).toEqual(['integer', 'real', 7])
    expect([row.float, row.text, row.empty, row.yes, row.date]).toEqual([1.5, 'Grüße ✓', null, 1, when.valueOf()])
    expect(row.blob).toBeInstanceOf(ArrayBuffer)
    expect([...new Uint8Array(row.blob as ArrayBuffer)]).toEqual([...bytes])
    expect(row.blobType).toBe('blob')
  })

  it('refuses an integer beyond 2^53 with a RangeError instead of a wrong number', async () => {
    await expect(client.execute('select 9007199254740993')).rejects.toThrow(RangeError)
    expect((await client.execute('select 9007199254740991 as n')).rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER)
  })

  it("throws an SQL error with the server's message and code", async () => {
    const error = await client.execute('select nope from decks').then(
      () => null,
      (e: Error & { code?: string }) => e,
    )
    expect(error?.message).toMatch(/no such column: nope/)
    expect(error?.code).toBe('PREPARE_ERROR')
  })

  it('throws with the HTTP status when the server answers an HTTP error', async () => {
    const bad = createHranaClient({
      url: server.url,
      fetch: (input, init) => fetch(input, { ...init, body: 'not json' }),
    })
    await expect(bad.execute('select 1')).rejects.toMatchObject({ status: 500, message: /HTTP status 500/ })
  })

  it('names what it does not support instead of failing somewhere inside drizzle', () => {
    expect(() => client.transaction()).toThrow(/transaction\(\) is not supported/)
    expect(() => client.executeMultiple()).toThrow(/executeMultiple\(\) is not supported/)
    expect(() => client.migrate()).toThrow(/migrate\(\) is not supported/)
  })

  it('sends libsql:// URLs to https:// as @libsql/client does, and refuses other schemes', () => {
    expect(pipelineUrl('libsql://db-org.turso.io').href).toBe('https://db-org.turso.io/v2/pipeline')
    expect(pipelineUrl('https://db-org.turso.io').href).toBe('https://db-org.turso.io/v2/pipeline')
    expect(pipelineUrl('http://127.0.0.1:8080').href).toBe('http://127.0.0.1:8080/v2/pipeline')
    expect(() => pipelineUrl('wss://db-org.turso.io')).toThrow(/libsql:, https: or http:/)
    expect(() => pipelineUrl('libsql://db-org.turso.io?authToken=x')).toThrow(/no query/)
  })

  describe('drizzle on top, built as the Worker builds it', () => {
    let db: Db
    beforeAll(() => {
      db = construct(client, { schema })
    })

    it('runs a typed select', async () => {
      const rows = await db
        .select({ id: cards.id, deck: cards.deck, line: cards.sourceLine })
        .from(cards)
        .where(eq(cards.deck, 'docker'))
        .orderBy(cards.id)
        .limit(2)
      expect(rows).toHaveLength(2)
      expect(rows[0]).toEqual({ id: expect.any(String), deck: 'docker', line: expect.any(Number) })
      const [total] = await db.select({ n: count() }).from(cards).where(eq(cards.deck, 'docker'))
      expect(total?.n).toBeGreaterThan(100)
    })

    it('runs a raw sql select through db.all, rows keyed by column name', async () => {
      const rows = await db.all<{ slug: string; n: number }>(
        sql`select d.slug, count(c.id) as n from decks d join cards c on c.deck = d.slug group by d.slug`,
      )
      expect(rows).toEqual([{ slug: 'docker', n: expect.any(Number) }])
    })

    it('runs a db.batch of typed selects and a write in one transaction', async () => {
      const [deckRows, cardRows, written] = await db.batch([
        db.select({ slug: decks.slug, title: decks.title }).from(decks),
        db.select({ id: cards.id }).from(cards).where(eq(cards.deck, 'docker')).limit(3),
        db.run(sql`insert into scratch (v) values (${'from drizzle'})`),
      ])
      expect(deckRows).toEqual([{ slug: 'docker', title: 'Docker' }])
      expect(cardRows).toHaveLength(3)
      expect(written.rowsAffected).toBe(1)
      await client.execute('delete from scratch')
    })
  })
})
