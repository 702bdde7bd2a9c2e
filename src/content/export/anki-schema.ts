/** Anki's schema 11 tables, as rslib/src/storage/schema11.sql creates them. */
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
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`

export const basicModelId = 1_700_000_000_001
export const typeInModelId = 1_700_000_000_002

const css = '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }'

function model(id: number, name: string, qfmt: string, afmt: string, mod: number) {
  return {
    id,
    name,
    type: 0,
    mod,
    usn: -1,
    sortf: 0,
    did: 1,
    tmpls: [{ name: 'Card 1', ord: 0, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 }],
    flds: ['Front', 'Back'].map((field, ord) => ({
      name: field,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css,
    latexPre: '\\documentclass[12pt]{article}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  }
}

/** The note types an export uses: Basic, and Basic (type in the answer) for typein cards. */
export function ankiModels(mod: number) {
  return {
    [String(basicModelId)]: model(basicModelId, 'Basic', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}', mod),
    [String(typeInModelId)]: model(
      typeInModelId,
      'Basic (type in the answer)',
      '{{Front}}\n\n{{type:Back}}',
      '{{Front}}<hr id=answer>{{type:Back}}',
      mod,
    ),
  }
}
