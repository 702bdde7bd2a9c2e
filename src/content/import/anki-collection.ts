import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type Value } from '@libsql/client'
import { protoFields, protoNumber, protoString } from './protobuf'

export interface AnkiTemplate {
  name: string
  qfmt: string
  afmt: string
}

export interface AnkiModel {
  name: string
  cloze: boolean
  fields: string[]
  templates: AnkiTemplate[]
}

export interface AnkiNote {
  id: number
  guid: string
  mid: number
  tags: string[]
  fields: string[]
}

export interface AnkiCard {
  id: number
  nid: number
  did: number
  ord: number
  type: number
  queue: number
  due: number
  ivl: number
  factor: number
  reps: number
  lapses: number
  odue: number
  odid: number
  data: string
}

export interface AnkiReview {
  id: number
  cid: number
  ease: number
  ivl: number
  lastIvl: number
  factor: number
  time: number
  type: number
}

/** What an Anki collection holds that an import uses, whichever schema it was written in. */
export interface AnkiCollection {
  /** Collection creation, in seconds: review cards' `due` counts days from it. */
  crt: number
  models: Map<number, AnkiModel>
  decks: Map<number, string>
  notes: AnkiNote[]
  cards: AnkiCard[]
  revlog: AnkiReview[]
  /** Names of the media files the package holds (set by the package reader). */
  media?: string[]
}

const sqliteHeader = 'SQLite format 3\0'

export function isSqlite(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 16)) === sqliteHeader
}

/**
 * Reads an Anki collection (a SQLite file) with libSQL, from a private temp file deleted after.
 * Only `select`s run: field contents are values, never SQL. Schema 11 (`collection.anki2`,
 * `.anki21`) keeps note types and decks as JSON in `col`; schema 18 (`.anki21b`) in tables with
 * protobuf settings.
 */
export async function readCollection(bytes: Uint8Array): Promise<AnkiCollection> {
  const dir = await mkdtemp(join(tmpdir(), 'dockdeck-anki-'))
  const path = join(dir, 'collection.sqlite')
  await writeFile(path, bytes, { mode: 0o600 })
  const client = createClient({ url: `file:${path}`, intMode: 'number' })
  try {
    const [col] = (await client.execute('select crt, models, decks from col limit 1')).rows
    if (!col) throw new Error('the collection has no `col` row')
    const tables = new Set(
      (await client.execute("select name from sqlite_master where type = 'table'")).rows.map((row) => String(row.name)),
    )
    const modern = tables.has('notetypes')
    const [notes, cards, revlog] = await Promise.all([
      client.execute('select id, guid, mid, tags, flds from notes order by id'),
      client.execute(
        'select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odue, odid, data from cards order by id',
      ),
      client.execute('select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id'),
    ])
    return {
      crt: Number(col.crt),
      models: modern ? await modernModels(client) : legacyModels(String(col.models)),
      decks: modern ? await modernDecks(client) : legacyDecks(String(col.decks)),
      notes: notes.rows.map((row) => ({
        id: num(row.id),
        guid: String(row.guid),
        mid: num(row.mid),
        tags: String(row.tags).trim().split(/\s+/).filter(Boolean),
        fields: String(row.flds).split('\u001f'),
      })),
      cards: cards.rows.map((row) => ({
        id: num(row.id),
        nid: num(row.nid),
        did: num(row.did),
        ord: num(row.ord),
        type: num(row.type),
        queue: num(row.queue),
        due: num(row.due),
        ivl: num(row.ivl),
        factor: num(row.factor),
        reps: num(row.reps),
        lapses: num(row.lapses),
        odue: num(row.odue),
        odid: num(row.odid),
        data: String(row.data ?? ''),
      })),
      revlog: revlog.rows.map((row) => ({
        id: num(row.id),
        cid: num(row.cid),
        ease: num(row.ease),
        ivl: num(row.ivl),
        lastIvl: num(row.lastIvl),
        factor: num(row.factor),
        time: num(row.time),
        type: num(row.type),
      })),
    }
  } finally {
    client.close()
    await rm(dir, { recursive: true, force: true })
  }
}

const num = (value: Value | undefined) => Number(value ?? 0)

interface LegacyModel {
  name?: string
  type?: number
  flds?: Array<{ name?: string; ord?: number }>
  tmpls?: Array<{ name?: string; ord?: number; qfmt?: string; afmt?: string }>
}

function legacyModels(json: string): Map<number, AnkiModel> {
  const parsed = JSON.parse(json) as Record<string, LegacyModel>
  const models = new Map<number, AnkiModel>()
  for (const [id, model] of Object.entries(parsed)) {
    models.set(Number(id), {
      name: String(model.name ?? ''),
      cloze: model.type === 1,
      fields: [...(model.flds ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => String(f.name ?? '')),
      templates: [...(model.tmpls ?? [])]
        .sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0))
        .map((t) => ({ name: String(t.name ?? ''), qfmt: String(t.qfmt ?? ''), afmt: String(t.afmt ?? '') })),
    })
  }
  return models
}

function legacyDecks(json: string): Map<number, string> {
  const parsed = JSON.parse(json) as Record<string, { name?: string }>
  return new Map(Object.entries(parsed).map(([id, deck]) => [Number(id), String(deck.name ?? 'Default')]))
}

type Client = ReturnType<typeof createClient>

/*
 * Schema 18 declares its name columns `COLLATE unicase`, a collation only Anki registers: any
 * statement that sorts or compares by name, or makes SQLite open an index on one (`order by
 * name`, a `count(*)` over `decks`), fails with "no such collation sequence" here. These queries
 * read names as values only; test/http/deck-import-anki21b.test.ts holds such a collection.
 */
async function modernModels(client: Client): Promise<Map<number, AnkiModel>> {
  const [types, fields, templates] = await Promise.all([
    client.execute('select id, name, config from notetypes'),
    client.execute('select ntid, ord, name from fields order by ntid, ord'),
    client.execute('select ntid, ord, name, config from templates order by ntid, ord'),
  ])
  const models = new Map<number, AnkiModel>()
  for (const row of types.rows) {
    // NotetypeConfig: `Kind kind = 1` (0 normal, 1 cloze).
    const config = protoFields(blob(row.config))
    models.set(num(row.id), { name: String(row.name), cloze: protoNumber(config, 1) === 1, fields: [], templates: [] })
  }
  for (const row of fields.rows) models.get(num(row.ntid))?.fields.push(String(row.name))
  for (const row of templates.rows) {
    // CardTemplateConfig: `string q_format = 1; string a_format = 2`.
    const config = protoFields(blob(row.config))
    models
      .get(num(row.ntid))
      ?.templates.push({ name: String(row.name), qfmt: protoString(config, 1), afmt: protoString(config, 2) })
  }
  return models
}

async function modernDecks(client: Client): Promise<Map<number, string>> {
  const rows = (await client.execute('select id, name from decks')).rows
  // Schema 18 separates deck levels with U+001F where schema 11 wrote `::`.
  return new Map(rows.map((row) => [num(row.id), String(row.name).split('\u001f').join('::')]))
}

function blob(value: Value | undefined): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  return new Uint8Array()
}
