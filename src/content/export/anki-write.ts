import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type InStatement } from '@libsql/client'
import { zipSync } from 'fflate'
import { State } from '../../domain/scheduling/names'
import { dayMs, easeFromDifficulty } from '../import/history'
import { ankiModels, basicModelId, schema11, typeInModelId } from './anki-schema'

export interface ExportCard {
  id: string
  topic: string
  kind: string
  tags: string
  prompt: string
  answer: string
  promptHtml: string
  answerHtml: string
  state: {
    due: number
    stability: number
    difficulty: number
    scheduledDays: number
    reps: number
    lapses: number
    state: number
    suspended: boolean
    buriedUntil: number | null
  } | null
}

export interface ExportLog {
  cardId: string
  rating: number
  state: number
  reviewedAt: number
  scheduledDays: number
  dueAfter: number
  durationMs: number | null
}

export interface ExportDeck {
  title: string
  cards: readonly ExportCard[]
  logs: readonly ExportLog[]
}

/**
 * A deck as an Anki package (`.apkg`, schema 11 in `collection.anki2`, which every Anki since
 * 2.1 imports): one Basic note per card (Basic (type in the answer) for typein cards), the topic
 * as a sub-deck, tags, the FSRS memory in `cards.data` (`s`, `d`, as Anki's FSRS keeps it), the
 * schedule in Anki's terms, and the review log. Our card id is the note's GUID, so importing the
 * package here again keeps every card's id.
 * @see https://github.com/ankitects/anki/blob/main/rslib/src/storage/schema11.sql
 */
export async function writeAnkiPackage(deck: ExportDeck, now: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'dockdeck-export-'))
  const path = join(dir, 'collection.anki2')
  const client = createClient({ url: `file:${path}` })
  try {
    await client.executeMultiple(schema11)
    const earliest = Math.min(
      now,
      ...deck.cards.flatMap((card) => (card.state ? [card.state.due] : [])),
      ...deck.logs.map((log) => log.reviewedAt),
    )
    const crt = Math.floor(earliest / dayMs) * 86_400
    const topics = [...new Set(deck.cards.map((card) => card.topic))]
    const deckIds = new Map(topics.map((topic, index) => [topic, 1_000 + index]))
    const decks: Record<string, unknown> = { '1': ankiDeck(1, 'Default', now) }
    for (const [topic, id] of deckIds) decks[String(id)] = ankiDeck(id, `${deck.title}::${topic}`, now)
    const mod = Math.floor(now / 1000)
    const statements: InStatement[] = [
      {
        sql: "insert into col values (1, ?, ?, ?, 11, 0, 0, 0, '{}', ?, ?, ?, '{}')",
        args: [crt, now, now, JSON.stringify(ankiModels(mod)), JSON.stringify(decks), JSON.stringify(deckConfig)],
      },
    ]
    const ankiIds = new Map<string, number>()
    deck.cards.forEach((card, index) => {
      const id = 1_000_000_000_000 + index
      ankiIds.set(card.id, id)
      const typein = card.kind === 'typein'
      const fields = typein ? [card.prompt, card.answer] : [card.promptHtml, card.answerHtml]
      const tags = (JSON.parse(card.tags) as string[]).map((tag) => tag.replace(/\//g, '::')).join(' ')
      statements.push({
        sql: "insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')",
        args: [
          id,
          card.id,
          typein ? typeInModelId : basicModelId,
          mod,
          tags ? ` ${tags} ` : '',
          fields.join('\u001f'),
          card.prompt,
        ],
      })
      statements.push({
        sql: 'insert into cards values (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)',
        args: [id, id, deckIds.get(card.topic) ?? 1, mod, ...schedule(card, index, crt, now)],
      })
    })
    const used = new Set<number>()
    for (const log of deck.logs) {
      const cid = ankiIds.get(log.cardId)
      if (cid === undefined) continue
      let id = log.reviewedAt
      while (used.has(id)) id += 1
      used.add(id)
      const span = log.dueAfter - log.reviewedAt
      const ivl = span >= dayMs ? Math.round(span / dayMs) : -Math.max(1, Math.round(span / 1000))
      // Anki's revlog type: 0 learn, 1 review, 2 relearn.
      const type = log.state === State.Review ? 1 : log.state === State.Relearning ? 2 : 0
      statements.push({
        sql: 'insert into revlog values (?, ?, -1, ?, ?, ?, 2500, ?, ?)',
        args: [id, cid, log.rating, ivl, log.scheduledDays, Math.min(log.durationMs ?? 0, 60_000), type],
      })
    }
    await client.batch(statements, 'write')
    client.close()
    const collection = new Uint8Array(await readFile(path))
    return zipSync({ 'collection.anki2': collection, media: new TextEncoder().encode('{}') })
  } finally {
    client.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** type, queue, due, ivl, factor, reps, lapses, data of an Anki card. */
function schedule(card: ExportCard, position: number, crt: number, now: number) {
  const s = card.state
  if (!s || s.state === State.New) {
    const queue = s?.suspended ? -1 : s?.buriedUntil && s.buriedUntil > now ? -3 : 0
    return [0, queue, position, 0, 0, s?.reps ?? 0, s?.lapses ?? 0, '']
  }
  const queue = s.suspended ? -1 : s.buriedUntil && s.buriedUntil > now ? -3 : s.state === State.Review ? 2 : 1
  const due =
    s.state === State.Review ? Math.max(0, Math.floor((s.due - crt * 1000) / dayMs)) : Math.floor(s.due / 1000)
  const data = JSON.stringify({ s: round(s.stability), d: round(s.difficulty) })
  return [s.state, queue, due, Math.max(0, s.scheduledDays), easeFromDifficulty(s.difficulty), s.reps, s.lapses, data]
}

const round = (value: number) => Math.round(value * 10_000) / 10_000

function ankiDeck(id: number, name: string, now: number) {
  return {
    id,
    name,
    mod: Math.floor(now / 1000),
    usn: -1,
    desc: '',
    dyn: 0,
    conf: 1,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  }
}

const deckConfig = {
  '1': {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { delays: [1, 10], ints: [1, 4, 0], initialFactor: 2500, order: 1, perDay: 20, bury: false },
    lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 },
    rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, bury: false, hardFactor: 1.2 },
  },
}
