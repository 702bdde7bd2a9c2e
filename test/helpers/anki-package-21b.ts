import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compress, init as initZstd } from '@bokuweb/zstd-wasm'
import { createClient, type InStatement } from '@libsql/client'
import { type Zippable, zipSync } from 'fflate'
import protobuf from 'protobufjs'
import { basicModel, buildCollection, type PackageInput, schema11 } from './anki-package'

/**
 * Builds a modern Anki package (`.apkg` as Anki ≥ 2.1.50 exports it) the way Anki's exporter
 * writes one, independent of our importer: a `meta` entry (PackageMetadata, version 3), the
 * collection as `collection.anki21b` (a schema-18 SQLite file, zstd-compressed), a dummy
 * `collection.anki2` that tells older Anki versions to update, the media files named `0`, `1`…
 * (each zstd) and `media`, a zstd protobuf `MediaEntries` list. All entries are stored, not
 * deflated, as Anki writes them.
 *
 * Sources, read at ankitects/anki commit c32cb2913d6f4d21e06876265634c55d9d55ee69 (AGPL-3.0;
 * only table and message definitions are restated here, for interoperability):
 * rslib/src/import_export/package/colpkg/export.rs (zip layout, zstd level 0 = default),
 * rslib/src/storage/upgrades/schema1{4,5,7,8}_upgrade.sql (the DDL below, applied to
 * schema11.sql as a new Anki collection is upgraded), proto/anki/{notetypes,decks,deck_config,
 * import_export}.proto (the messages below, numbers as there).
 */

/**
 * The rest of rslib/src/storage/schema11.sql (its indexes and first `col` row; the tables are
 * `schema11`) and Anki's upgrades to schema 18 from rslib/src/storage/upgrades/, in the order
 * `upgrade_to_latest_schema` runs them for a new collection.
 */
const upgrades = `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
INSERT INTO col VALUES (1, 0, 0, 0, 0, 0, 0, 0, '{}', '{}', '{}', '{}', '{}');
-- schema14_upgrade.sql
CREATE TABLE deck_config (
  id integer PRIMARY KEY NOT NULL,
  name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL,
  usn integer NOT NULL,
  config blob NOT NULL
);
CREATE TABLE config (
  KEY text NOT NULL PRIMARY KEY,
  usn integer NOT NULL,
  mtime_secs integer NOT NULL,
  val blob NOT NULL
) without rowid;
CREATE TABLE tags (
  tag text NOT NULL PRIMARY KEY COLLATE unicase,
  usn integer NOT NULL
) without rowid;
UPDATE col SET ver = 14;
-- schema15_upgrade.sql
CREATE TABLE fields (
  ntid integer NOT NULL,
  ord integer NOT NULL,
  name text NOT NULL COLLATE unicase,
  config blob NOT NULL,
  PRIMARY KEY (ntid, ord)
) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (
  ntid integer NOT NULL,
  ord integer NOT NULL,
  name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL,
  usn integer NOT NULL,
  config blob NOT NULL,
  PRIMARY KEY (ntid, ord)
) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE INDEX idx_templates_usn ON templates (usn);
CREATE TABLE notetypes (
  id integer NOT NULL PRIMARY KEY,
  name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL,
  usn integer NOT NULL,
  config blob NOT NULL
);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE INDEX idx_notetypes_usn ON notetypes (usn);
CREATE TABLE decks (
  id integer PRIMARY KEY NOT NULL,
  name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL,
  usn integer NOT NULL,
  common blob NOT NULL,
  kind blob NOT NULL
);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE INDEX idx_notes_mid ON notes (mid);
CREATE INDEX idx_cards_odid ON cards (odid)
WHERE odid != 0;
UPDATE col SET ver = 15;
ANALYZE;
-- schema17_upgrade.sql
DROP TABLE tags;
CREATE TABLE tags (
  tag text NOT NULL PRIMARY KEY COLLATE unicase,
  usn integer NOT NULL,
  collapsed boolean NOT NULL,
  config blob NULL
) without rowid;
-- schema18_upgrade.sql
ALTER TABLE graves RENAME TO graves_old;
CREATE TABLE graves (
  oid integer NOT NULL,
  type integer NOT NULL,
  usn integer NOT NULL,
  PRIMARY KEY (oid, type)
) WITHOUT ROWID;
INSERT OR IGNORE INTO graves (oid, type, usn) SELECT oid, type, usn FROM graves_old;
DROP TABLE graves_old;
CREATE INDEX idx_graves_pending ON graves (usn);
UPDATE col SET ver = 18;
-- the JSON columns the upgrades emptied (storage/{notetype,deck,deckconfig,tag,config}/mod.rs)
UPDATE col SET conf = '', models = '', decks = '', dconf = '', tags = '';
`

/** The protobuf messages a schema-18 collection and its package hold (a subset of Anki's). */
const messages = protobuf.parse(`
syntax = "proto3";
package anki;
message NotetypeConfig {
  enum Kind { KIND_NORMAL = 0; KIND_CLOZE = 1; }
  message CardRequirement {
    enum Kind { KIND_NONE = 0; KIND_ANY = 1; KIND_ALL = 2; }
    uint32 card_ord = 1;
    Kind kind = 2;
    repeated uint32 field_ords = 3;
  }
  Kind kind = 1;
  uint32 sort_field_idx = 2;
  string css = 3;
  string latex_pre = 5;
  string latex_post = 6;
  repeated CardRequirement reqs = 8;
}
message FieldConfig {
  bool sticky = 1;
  string font_name = 3;
  uint32 font_size = 4;
}
message TemplateConfig {
  string q_format = 1;
  string a_format = 2;
}
message DeckCommon {
  bool study_collapsed = 1;
  bool browser_collapsed = 2;
}
message DeckNormal {
  int64 config_id = 1;
  string description = 4;
}
message DeckKindContainer {
  oneof kind { DeckNormal normal = 1; }
}
message DeckConfigConfig {
  repeated float learn_steps = 1;
  repeated float relearn_steps = 2;
  uint32 new_per_day = 9;
  uint32 reviews_per_day = 10;
  float initial_ease = 11;
  uint32 maximum_review_interval = 16;
  uint32 leech_threshold = 22;
  float desired_retention = 37;
}
message PackageMetadata {
  enum Version { VERSION_UNKNOWN = 0; VERSION_LEGACY_1 = 1; VERSION_LEGACY_2 = 2; VERSION_LATEST = 3; }
  Version version = 1;
}
message MediaEntries {
  message MediaEntry {
    string name = 1;
    uint32 size = 2;
    bytes sha1 = 3;
  }
  repeated MediaEntry entries = 1;
}
`).root

function encode(type: string, value: Record<string, unknown>): Uint8Array {
  const message = messages.lookupType(`anki.${type}`)
  const error = message.verify(value)
  if (error) throw new Error(`${type}: ${error}`)
  return message.encode(message.create(value)).finish()
}

let zstdReady: Promise<void> | undefined
/** zstd at Anki's level (0, the library default), by the reference C library compiled to wasm. */
export async function zstd(bytes: Uint8Array): Promise<Uint8Array> {
  zstdReady ??= initZstd()
  await zstdReady
  return compress(bytes, 0)
}

const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest()

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field, as a number. */
const checksum = (field: string) =>
  Number.parseInt(
    sha1(field.replace(/<[^>]*>/g, ''))
      .toString('hex')
      .slice(0, 8),
    16,
  )

/** Every deck and its parents (`A::B` needs `A`), as Anki keeps them. */
function withParents(decks: Record<number, string>): Array<[number, string]> {
  const all = new Map(Object.entries(decks).map(([id, name]) => [name, Number(id)]))
  let next = Math.max(...all.values()) + 1
  for (const name of [...all.keys()]) {
    const parts = name.split('::')
    for (let depth = 1; depth < parts.length; depth += 1) {
      const parent = parts.slice(0, depth).join('::')
      if (!all.has(parent)) all.set(parent, next++)
    }
  }
  return [...all].map(([name, id]) => [id, name])
}

/**
 * The schema-18 SQLite collection's bytes. libSQL cannot register Anki's `unicase` collation,
 * so the tables are created with `nocase` (the same order for ASCII names) and the stored DDL is
 * then rewritten to Anki's text: a reader sees the schema Anki writes, collation and all.
 */
export async function buildCollection18(input: PackageInput): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'anki21b-fixture-'))
  const path = join(dir, 'collection.anki21b')
  const db = createClient({ url: `file:${path}` })
  try {
    // Anki opens every collection so (rslib/src/storage/sqlite.rs) and closes a schema-18 one
    // without going back to journal_mode=delete: a real `.anki21b` is a WAL-mode database file.
    await db.executeMultiple('PRAGMA locking_mode = exclusive; PRAGMA page_size = 4096; PRAGMA journal_mode = wal;')
    await db.executeMultiple(schema11 + upgrades.replaceAll('COLLATE unicase', 'COLLATE nocase'))
    const mtime = input.crt + 86_400
    const statements: InStatement[] = [
      { sql: 'update col set crt = ?, mod = ?, scm = ?', args: [input.crt, mtime * 1000, input.crt * 1000] },
      { sql: "insert into config values ('schedVer', 0, ?, ?)", args: [mtime, new TextEncoder().encode('2')] },
      {
        sql: "insert into deck_config values (1, 'Default', ?, 0, ?)",
        args: [
          mtime,
          encode('DeckConfigConfig', {
            learnSteps: [1, 10],
            relearnSteps: [10],
            newPerDay: 20,
            reviewsPerDay: 200,
            initialEase: 2.5,
            maximumReviewInterval: 36_500,
            leechThreshold: 8,
            desiredRetention: 0.9,
          }),
        ],
      },
      ...withParents(input.decks).map(([id, name]) => ({
        sql: 'insert into decks values (?, ?, ?, 0, ?, ?)',
        args: [
          id,
          name.split('::').join('\u001f'),
          mtime,
          encode('DeckCommon', { studyCollapsed: false }),
          encode('DeckKindContainer', { normal: { configId: 1, description: '' } }),
        ],
      })),
      ...input.models.flatMap((model) => [
        {
          sql: 'insert into notetypes values (?, ?, ?, 0, ?)',
          args: [
            model.id,
            model.name,
            mtime,
            encode('NotetypeConfig', {
              kind: model.cloze ? 1 : 0,
              sortFieldIdx: 0,
              css: '.card { font-family: arial; }',
              latexPre: '\\documentclass[12pt]{article}',
              latexPost: '\\end{document}',
              reqs: model.templates.map((_, ord) => ({ cardOrd: ord, kind: 1, fieldOrds: [ord] })),
            }),
          ],
        },
        ...model.fields.map((name, ord) => ({
          sql: 'insert into fields values (?, ?, ?, ?)',
          args: [model.id, ord, name, encode('FieldConfig', { fontName: 'Arial', fontSize: 20 })],
        })),
        ...model.templates.map((template, ord) => ({
          sql: 'insert into templates values (?, ?, ?, ?, 0, ?)',
          args: [
            model.id,
            ord,
            `Card ${ord + 1}`,
            mtime,
            encode('TemplateConfig', { qFormat: template.qfmt, aFormat: template.afmt }),
          ],
        })),
      ]),
      ...[...new Set(input.notes.flatMap((note) => (note.tags ?? '').split(/\s+/).filter(Boolean)))].map((tag) => ({
        sql: 'insert into tags values (?, 0, 0, null)',
        args: [tag],
      })),
      ...input.notes.map((n) => ({
        sql: "insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')",
        args: [
          n.id,
          n.guid,
          n.mid,
          mtime,
          n.tags ? ` ${n.tags} ` : '',
          n.fields.join('\u001f'),
          n.fields[0] ?? '',
          checksum(n.fields[0] ?? ''),
        ],
      })),
      ...input.cards.map((c) => ({
        sql: 'insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)',
        args: [
          c.id,
          c.nid,
          c.did,
          c.ord,
          mtime,
          c.type ?? 0,
          c.queue ?? c.type ?? 0,
          c.due ?? 0,
          c.ivl ?? 0,
          c.factor ?? 0,
          c.reps ?? 0,
          c.lapses ?? 0,
          c.data ?? '{}',
        ],
      })),
      ...(input.revlog ?? []).map((r) => ({
        sql: 'insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)',
        args: [r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor ?? 2500, r.time ?? 5000, r.type],
      })),
    ]
    await db.batch(statements, 'write')
    // Put back Anki's collation name in the stored DDL (see above).
    await db.executeMultiple(
      "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE nocase', 'COLLATE unicase'); PRAGMA writable_schema = OFF;",
    )
    // Flush the WAL into the file, as Anki's `checkpoint()` does before a collection is copied.
    await db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    db.close()
    return new Uint8Array(await readFile(path))
  } finally {
    db.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** What Anki writes as `collection.anki2` beside a `.anki21b`: one note asking to update Anki. */
export const dummyCollection: PackageInput = {
  crt: Date.UTC(2025, 0, 1) / 1000,
  models: [basicModel],
  decks: { 1: 'Default' },
  notes: [
    {
      id: 1,
      guid: 'dummy',
      mid: basicModel.id,
      fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
    },
  ],
  cards: [{ id: 1, nid: 1, did: 1, ord: 0 }],
}

/** The files of a modern `.apkg`, before zipping (a test may spoil one). */
export async function package21bFiles(
  input: PackageInput,
  mediaFiles: Record<string, Uint8Array> = {},
): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {
    meta: encode('PackageMetadata', { version: 3 }),
    'collection.anki21b': await zstd(await buildCollection18(input)),
    'collection.anki2': await buildCollection(dummyCollection),
  }
  const entries = Object.entries(mediaFiles)
  for (const [index, [, data]] of entries.entries()) files[String(index)] = await zstd(data)
  files.media = await zstd(
    encode('MediaEntries', {
      entries: entries.map(([name, data]) => ({ name, size: data.length, sha1: sha1(data) })),
    }),
  )
  return files
}

/** Zips a modern package's files, stored (not deflated), as Anki's exporter does. */
export function zip21b(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {}
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 0 }]
  return zipSync(zippable)
}

/** A modern `.apkg` (Anki ≥ 2.1.50) of `input`, with `mediaFiles` stored in it. */
export async function buildPackage21b(input: PackageInput, mediaFiles?: Record<string, Uint8Array>) {
  return zip21b(await package21bFiles(input, mediaFiles))
}
