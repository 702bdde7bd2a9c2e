import { State } from '../../domain/scheduling/names'
import { sha256Hex } from '../../security/sha256'
import { markerComment } from '../id-markers'
import type { NoteText } from '../own-deck'
import { fileSlug } from '../slug'
import type { AnkiCard, AnkiCollection, AnkiModel, AnkiNote, AnkiReview } from './anki-collection'
import { tooLarge } from './errors'
import { dayMs, difficultyFromEase, type ImportedCard, type ImportedLog, type ImportedState } from './history'
import { chunkBlocks, maxFieldChars } from './table'
import { htmlToText, markdownLine, markdownLines, tagWord } from './text'

export interface AnkiImport {
  notes: NoteText[]
  cards: ImportedCard[]
  report: {
    notes: number
    cards: number
    reviews: number
    /** Cards of note types with more than two templates, or templates past the second: not imported. */
    skippedCards: number
    media: { referenced: number; missing: string[]; notStored: number }
  }
}

/**
 * Anki notes as Markdown notes, one file per Anki deck (`Parent::Child` → `parent/child.md`,
 * the hierarchy in the path and title), each note a block with an id marker from its GUID, so a
 * re-import keeps every card's id: Basic → `?` card, Basic (and reversed) → `??` (`-r` for the
 * reverse), Cloze → the `{{c1::…}}` paragraph (`-c1`, `-c2`…), a `{{type:…}}` template with a
 * one-line answer → a `typein` card. A note's cards stay one block: Anki's siblings are ours.
 */
export function ankiToNotes(file: string, collection: AnkiCollection, now: number): AnkiImport {
  const cardsByNote = new Map<number, AnkiCard[]>()
  for (const card of collection.cards) cardsByNote.set(card.nid, [...(cardsByNote.get(card.nid) ?? []), card])
  const reviewsByCard = new Map<number, AnkiReview[]>()
  for (const review of collection.revlog)
    reviewsByCard.set(review.cid, [...(reviewsByCard.get(review.cid) ?? []), review])
  const present = new Set<string>(collection.media ?? [])
  const referenced = new Set<string>()
  const blocksByDeck = new Map<string, string[]>()
  const imported: ImportedCard[] = []
  const seen = new Set<string>()
  let skipped = 0
  let reviews = 0
  for (const note of collection.notes) {
    const model = collection.models.get(note.mid)
    const noteCards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord)
    if (!model || noteCards.length === 0) continue
    for (const field of note.fields)
      if (field.length > maxFieldChars)
        throw tooLarge(file, `note ${note.id} has a field over ${maxFieldChars} characters`)
    const marker = sha256Hex(`anki\u001f${note.guid}`).slice(0, 12)
    if (seen.has(marker)) continue
    seen.add(marker)
    const fields = new Map(
      model.fields.map((name, index) => {
        const { text, media } = htmlToText(note.fields[index] ?? '')
        for (const name of media) referenced.add(name)
        return [name, text === '' && media.length > 0 ? media.map((m) => `(${m})`).join(' ') : text]
      }),
    )
    const built = noteBlock(model, fields, note, marker, noteCards)
    if (!built) {
      skipped += noteCards.length
      continue
    }
    skipped += noteCards.length - built.cards.length
    const firstCard = noteCards[0]!
    const deck = collection.decks.get(firstCard.odid || firstCard.did) ?? 'Default'
    blocksByDeck.set(deck, [...(blocksByDeck.get(deck) ?? []), built.text])
    for (const { card, key } of built.cards) {
      const logs = ankiLogs(reviewsByCard.get(card.id) ?? [])
      reviews += logs.length
      const state = ankiState(card, collection.crt, logs, now)
      imported.push({ key, logs, ...(state ? { state } : {}) })
    }
  }
  return {
    notes: deckFiles(blocksByDeck),
    cards: imported,
    report: {
      notes: seen.size,
      cards: imported.length,
      reviews,
      skippedCards: skipped,
      media: {
        referenced: referenced.size,
        missing: [...referenced].filter((name) => !present.has(name)).slice(0, 100),
        notStored: [...referenced].filter((name) => present.has(name)).length,
      },
    },
  }
}

/** Field names a template shows (`{{Front}}`, `{{type:Back}}`, `{{cloze:Text}}`), in order. */
function templateFields(format: string): { shown: string[]; typed?: string; cloze?: string } {
  const shown: string[] = []
  let typed: string | undefined
  let cloze: string | undefined
  for (const match of format.matchAll(/\{\{([^#/^}][^}]*)\}\}/g)) {
    const parts = match[1]!.trim().split(':')
    const name = parts[parts.length - 1]!.trim()
    if (name === 'FrontSide') continue
    if (parts[0] === 'type') typed = name
    else if (parts[0] === 'cloze') cloze = name
    else shown.push(name)
  }
  return { shown, ...(typed ? { typed } : {}), ...(cloze ? { cloze } : {}) }
}

interface NoteBlock {
  text: string
  cards: Array<{ card: AnkiCard; key: string }>
}

function noteBlock(
  model: AnkiModel,
  fields: Map<string, string>,
  note: AnkiNote,
  marker: string,
  cards: AnkiCard[],
): NoteBlock | undefined {
  const tags = note.tags.map(tagWord).filter((tag): tag is string => tag !== undefined)
  const tagLine = tags.length > 0 ? [tags.join(' ')] : []
  const value = (names: string[]) =>
    names
      .map((name) => fields.get(name) ?? '')
      .filter(Boolean)
      .join('\n')
  if (model.cloze) {
    const template = templateFields(model.templates[0]?.qfmt ?? '')
    const text = fields.get(template.cloze ?? model.fields[0] ?? '') ?? ''
    const lines = clozeLines(text)
    if (lines.length === 0 || !/\{\{c\d+::/.test(text)) return undefined
    lines[0] = `${lines[0]} ${markerComment(marker)}`
    return {
      text: [...lines, ...tagLine].join('\n'),
      cards: cards.map((card) => ({ card, key: `${marker}-c${card.ord + 1}` })),
    }
  }
  const front = templateFields(model.templates[0]?.qfmt ?? '')
  const back = templateFields(model.templates[0]?.afmt ?? '')
  const question = value(front.shown)
  const answerNames = front.typed ? [front.typed] : back.shown.filter((name) => !front.shown.includes(name))
  const answer = value(answerNames)
  if (question === '' || answer === '') return undefined
  const second = model.templates[1] ? templateFields(model.templates[1].qfmt) : undefined
  const reversed =
    second !== undefined &&
    cards.some((card) => card.ord === 1) &&
    second.shown.some((name) => answerNames.includes(name))
  const kept = cards.filter((card) => card.ord === 0 || (reversed && card.ord === 1))
  const keyed = kept.map((card) => ({ card, key: card.ord === 0 ? marker : `${marker}-r` }))
  const questionLines = markdownLines(question)
  const answerLines = markdownLines(answer)
  if (front.typed && !reversed && answerLines.length === 1 && question.split(/\s+/).length >= 3) {
    // A `typein` card: the explanation, then a fenced block holding the one-line answer.
    const command = answer.replace(/\s+/g, ' ').trim()
    const fence = command.includes('```') ? '~~~~' : '```'
    return {
      text: [...questionLines, ...tagLine, '', `${fence}sh ${markerComment(marker)}`, command, fence].join('\n'),
      cards: keyed,
    }
  }
  questionLines[0] = `${questionLines[0]} ${markerComment(marker)}`
  return { text: [...questionLines, reversed ? '??' : '?', ...answerLines, ...tagLine].join('\n'), cards: keyed }
}

/** A cloze field's lines: the text outside `{{c1::…}}` escaped, the deletions kept as syntax. */
function clozeLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      let out = ''
      let last = 0
      for (const match of line.matchAll(/\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g)) {
        out += markdownLine(line.slice(last, match.index))
        const hint = match[3] ? `::${markdownLine(match[3])}` : ''
        out += `{{c${match[1]}::${markdownLine(match[2] ?? '')}${hint}}}`
        last = match.index + match[0].length
      }
      out += markdownLine(line.slice(last))
      return out.trim()
    })
    .filter((line) => line !== '')
}

/** Groups each Anki deck's blocks into files under the note size limit. */
function deckFiles(blocksByDeck: Map<string, string[]>): NoteText[] {
  const files: NoteText[] = []
  const used = new Set<string>()
  for (const [deck, blocks] of blocksByDeck) {
    const parts = deck.split('::').map((part) => part.trim() || 'deck')
    const base = parts.map((part) => fileSlug(part)).join('/')
    const chunks = chunkBlocks(blocks)
    chunks.forEach((chunk, index) => {
      let path = index === 0 ? `${base}.md` : `${base}-${index + 1}.md`
      while (used.has(path)) path = path.replace(/\.md$/, '-x.md')
      used.add(path)
      const topic = fileSlug(path.replace(/\//g, '-'))
      const title = parts.join(' › ') + (index === 0 ? '' : ` (${index + 1})`)
      files.push({
        path,
        text: `---\ntopic: ${topic}\ntitle: ${JSON.stringify(title)}\n---\n\n${chunk.join('\n\n')}\n`,
      })
    })
  }
  return files
}

/**
 * Anki's review log as ours: `ease` is the rating (0, a manual reschedule, is dropped); `type`
 * 0 learn, 1 review, 2 relearn, 3 filtered deck give the state before; `ivl` (days, or seconds
 * when negative) the due after.
 */
/** Anki's revlog `type` (0 learn, 1 review, 2 relearn, 3 filtered) as the state the card was rated in. */
const stateOfLogType = [State.Learning, State.Review, State.Relearning, State.Review]

export function ankiLogs(reviews: readonly AnkiReview[]): ImportedLog[] {
  const logs: ImportedLog[] = []
  let previous: number | undefined
  let lastElapsed = 0
  for (const review of reviews) {
    if (review.ease < 1 || review.ease > 4 || review.type > 3) continue
    const rating = review.ease as 1 | 2 | 3 | 4
    const state = logs.length === 0 && review.type === 0 ? State.New : (stateOfLogType[review.type] ?? State.Review)
    const elapsed = previous === undefined ? 0 : Math.max(0, Math.floor((review.id - previous) / dayMs))
    const stateAfter =
      review.ivl > 0
        ? State.Review
        : state === State.Review || state === State.Relearning
          ? State.Relearning
          : State.Learning
    logs.push({
      rating,
      state,
      reviewedAt: review.id,
      elapsedDays: elapsed,
      lastElapsedDays: lastElapsed,
      scheduledDays: Math.max(review.lastIvl, 0),
      stateAfter,
      dueAfter: review.id + (review.ivl > 0 ? review.ivl * dayMs : Math.abs(review.ivl) * 1000),
      durationMs: Math.min(Math.max(review.time, 0), 3_600_000),
    })
    previous = review.id
    lastElapsed = elapsed
  }
  return logs
}

/**
 * An Anki card's schedule as our state: `type` is ts-fsrs's `State` already (0 new, 1 learning,
 * 2 review, 3 relearning); `queue` -1 is suspended, -2/-3 buried (until the next day, as Anki
 * does). FSRS memory (`data`'s `s` and `d`) is taken when Anki kept it, else estimated from the
 * interval and ease. A new card neither suspended nor buried needs no state.
 */
export function ankiState(card: AnkiCard, crt: number, logs: readonly ImportedLog[], now: number) {
  const suspended = card.queue === -1
  const buried = card.queue === -2 || card.queue === -3
  if (card.type === State.New && !suspended && !buried) return undefined
  const tomorrow = (Math.floor(now / dayMs) + 1) * dayMs
  const memory = parseData(card.data)
  const rawDue = card.odid ? card.odue : card.due
  let due = now
  if (card.type === State.Review) due = (crt + rawDue * 86_400) * 1000
  else if (card.type === State.Learning || card.type === State.Relearning)
    due = rawDue > 1_000_000_000 ? rawDue * 1000 : (crt + rawDue * 86_400) * 1000
  const lastReview = logs[logs.length - 1]?.reviewedAt ?? (card.type === State.Review ? due - card.ivl * dayMs : null)
  const state: ImportedState = {
    due: card.type === State.New ? now : due,
    stability: memory.s ?? (card.type === State.New ? 0 : Math.max(card.ivl, 0.1)),
    difficulty: memory.d ?? (card.type === State.New ? 0 : difficultyFromEase((card.factor || 2500) / 1000)),
    elapsedDays: 0,
    scheduledDays: Math.max(card.ivl, 0),
    learningSteps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: card.type >= State.New && card.type <= State.Relearning ? card.type : State.New,
    lastReview,
    suspended,
    buriedUntil: buried ? tomorrow : null,
  }
  return state
}

function parseData(data: string): { s?: number; d?: number } {
  try {
    const parsed = JSON.parse(data || '{}') as { s?: unknown; d?: unknown }
    return {
      ...(typeof parsed.s === 'number' && parsed.s > 0 ? { s: parsed.s } : {}),
      ...(typeof parsed.d === 'number' && parsed.d >= 1 && parsed.d <= 10 ? { d: parsed.d } : {}),
    }
  } catch {
    return {}
  }
}
