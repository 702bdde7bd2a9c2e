import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { zipSync } from 'fflate'

/**
 * Builds an Anki package the way Anki 2.1 writes one (schema 11, `collection.anki21` + `media`
 * JSON), from Anki's own table definitions (rslib/src/storage/schema11.sql), independent of our
 * exporter, so the importer is tested against Anki's format and not against itself.
 */
export const schema11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
`

export interface PackageModel {
  id: number
  name: string
  cloze?: boolean
  fields: string[]
  templates: Array<{ qfmt: string; afmt: string }>
}

export interface PackageNote {
  id: number
  guid: string
  mid: number
  tags?: string
  fields: string[]
}

export interface PackageCard {
  id: number
  nid: number
  did: number
  ord: number
  type?: number
  queue?: number
  due?: number
  ivl?: number
  factor?: number
  reps?: number
  lapses?: number
  data?: string
}

export interface PackageReview {
  id: number
  cid: number
  ease: number
  ivl: number
  lastIvl: number
  factor?: number
  time?: number
  type: number
}

export interface PackageInput {
  crt: number
  models: PackageModel[]
  decks: Record<number, string>
  notes: PackageNote[]
  cards: PackageCard[]
  revlog?: PackageReview[]
  media?: Record<string, string>
  /** Stored under this name instead of `collection.anki21`. */
  collectionName?: string
}

export const basicModel: PackageModel = {
  id: 1001,
  name: 'Basic',
  fields: ['Front', 'Back'],
  templates: [{ qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
}
export const reversedModel: PackageModel = {
  id: 1002,
  name: 'Basic (and reversed card)',
  fields: ['Front', 'Back'],
  templates: [
    { qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { qfmt: '{{Back}}', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ],
}
export const clozeModel: PackageModel = {
  id: 1003,
  name: 'Cloze',
  cloze: true,
  fields: ['Text', 'Back Extra'],
  templates: [{ qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Back Extra}}' }],
}
export const typeInModel: PackageModel = {
  id: 1004,
  name: 'Basic (type in the answer)',
  fields: ['Front', 'Back'],
  templates: [{ qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}<hr id=answer>{{type:Back}}' }],
}

/** The SQLite collection file's bytes. */
export async function buildCollection(input: PackageInput): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'anki-fixture-'))
  const path = join(dir, 'collection.anki21')
  const db = createClient({ url: `file:${path}` })
  try {
    await db.executeMultiple(schema11)
    const models = Object.fromEntries(
      input.models.map((m) => [
        String(m.id),
        {
          id: m.id,
          name: m.name,
          type: m.cloze ? 1 : 0,
          flds: m.fields.map((name, ord) => ({ name, ord })),
          tmpls: m.templates.map((t, ord) => ({ name: `Card ${ord + 1}`, ord, ...t })),
        },
      ]),
    )
    const decks = Object.fromEntries(Object.entries(input.decks).map(([id, name]) => [id, { id: Number(id), name }]))
    await db.execute({
      sql: "insert into col values (1, ?, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
      args: [input.crt, JSON.stringify(models), JSON.stringify(decks)],
    })
    const statements = [
      ...input.notes.map((n) => ({
        sql: "insert into notes values (?, ?, ?, 0, -1, ?, ?, '', 0, 0, '')",
        args: [n.id, n.guid, n.mid, ` ${n.tags ?? ''} `, n.fields.join('\u001f')],
      })),
      ...input.cards.map((c) => ({
        sql: 'insert into cards values (?, ?, ?, ?, 0, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)',
        args: [
          c.id,
          c.nid,
          c.did,
          c.ord,
          c.type ?? 0,
          c.queue ?? c.type ?? 0,
          c.due ?? 0,
          c.ivl ?? 0,
          c.factor ?? 0,
          c.reps ?? 0,
          c.lapses ?? 0,
          c.data ?? '',
        ],
      })),
      ...(input.revlog ?? []).map((r) => ({
        sql: 'insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)',
        args: [r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor ?? 2500, r.time ?? 5000, r.type],
      })),
    ]
    if (statements.length > 0) await db.batch(statements, 'write')
    db.close()
    return new Uint8Array(await readFile(path))
  } finally {
    db.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** An `.apkg`: the collection and the media index, zipped. */
export async function buildPackage(input: PackageInput): Promise<Uint8Array> {
  const collection = await buildCollection(input)
  return zipSync({
    [input.collectionName ?? 'collection.anki21']: collection,
    media: new TextEncoder().encode(JSON.stringify(input.media ?? {})),
  })
}
