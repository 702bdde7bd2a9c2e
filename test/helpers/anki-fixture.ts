import { basicModel, clozeModel, type PackageInput, reversedModel, typeInModel } from './anki-package'

export const crt = Date.UTC(2025, 0, 1) / 1000

/** A small Anki deck with one note of each type, history, tags, a sub-deck and hostile fields. */
export const ankiDeck: PackageInput = {
  crt,
  models: [basicModel, reversedModel, clozeModel, typeInModel],
  decks: { 1: 'Default', 10: 'Docker::Networking' },
  media: { '0': 'net.png' },
  notes: [
    {
      id: 1,
      guid: 'g-basic',
      mid: 1001,
      tags: 'docker::cli ps',
      fields: ['What does <b>docker ps</b> list?', 'Running containers<br>(add <i>-a</i> for all)'],
    },
    { id: 2, guid: 'g-rev', mid: 1002, fields: ['Port publishing flag of docker run', 'publish'] },
    {
      id: 3,
      guid: 'g-cloze',
      mid: 1003,
      fields: ['The default bridge is {{c1::docker0}} and {{c2::host}} shares the stack <img src="net.png">', ''],
    },
    { id: 4, guid: 'g-type', mid: 1004, fields: ['Which command lists the local images?', 'docker images'] },
    { id: 5, guid: 'g-sql', mid: 1001, fields: ["Robert'); DROP TABLE cards;--", 'x :: y ==z== {{c1::w}} #tag'] },
    {
      id: 6,
      guid: 'g-xss',
      mid: 1001,
      fields: [
        '<script>alert(1)</script>What is XSS?',
        '<a href="javascript:alert(1)">Cross-site</a> scripting <img src="missing.png">',
      ],
    },
  ],
  cards: [
    { id: 101, nid: 1, did: 1, ord: 0, type: 2, queue: 2, due: 380, ivl: 10, factor: 2500, reps: 3, lapses: 1 },
    {
      id: 201,
      nid: 2,
      did: 10,
      ord: 0,
      type: 2,
      queue: 2,
      due: 379,
      ivl: 4,
      factor: 2300,
      reps: 2,
      data: '{"s":4.2,"d":6.1}',
    },
    { id: 202, nid: 2, did: 10, ord: 1 },
    { id: 301, nid: 3, did: 10, ord: 0 },
    { id: 302, nid: 3, did: 10, ord: 1, type: 2, queue: -1, due: 370, ivl: 3, factor: 2500, reps: 1 },
    { id: 401, nid: 4, did: 1, ord: 0 },
    { id: 501, nid: 5, did: 1, ord: 0 },
    { id: 601, nid: 6, did: 1, ord: 0 },
  ],
  revlog: [
    { id: Date.UTC(2026, 0, 1, 9), cid: 101, ease: 3, ivl: -600, lastIvl: 0, type: 0 },
    { id: Date.UTC(2026, 0, 2, 9), cid: 101, ease: 1, ivl: 1, lastIvl: -600, type: 0 },
    { id: Date.UTC(2026, 0, 5, 9), cid: 101, ease: 3, ivl: 10, lastIvl: 1, type: 1 },
    { id: Date.UTC(2026, 0, 10, 9), cid: 201, ease: 4, ivl: 4, lastIvl: 0, type: 0 },
    { id: Date.UTC(2026, 0, 11, 9), cid: 201, ease: 0, ivl: 4, lastIvl: 4, type: 4 },
  ],
}
