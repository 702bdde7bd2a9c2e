import { type SQL, sql } from 'drizzle-orm'
/** The card browser's state filter: the FTSR state, or a study flag. */
import { type BrowserSort, type BrowserState, browserSorts, browserStates } from '../../domain/card-browser'
import { State } from '../../domain/scheduling'
import type { Db } from '../index'
import { cardStates, cards, decks } from '../schema'
import { visibleTo } from './deck-access'
import { fsrsSql } from './fsrs-sql'

export { type BrowserSort, type BrowserState, browserSorts, browserStates }

export interface CardSearch {
  userId: string
  /** An FTS5 query already built from the user's words (`ftsQuery`), never raw input. */
  match?: string | undefined
  deck?: string | undefined
  topic?: string | undefined
  tag?: string | undefined
  state?: BrowserState | undefined
  sort: BrowserSort
  order: 'asc' | 'desc'
  limit: number
  offset: number
  now: number
}

/** One row of the browser: the card and the caller's state for it (null columns when unstudied). */
export interface BrowserRow {
  id: string
  deck: string
  topic: string
  kind: string
  tags: string
  prompt: string
  answer: string
  due: number | null
  stability: number | null
  difficulty: number | null
  reps: number | null
  lapses: number | null
  state: number | null
  lastReview: number | null
  suspended: number | null
  leech: number | null
  buriedUntil: number | null
}

const DAY = 86_400_000

/**
 * What each sort orders by, and in which direction `asc` reads. Retrievability falls as whole
 * days since the last review grow against stability, so ordering by that ratio orders by
 * predicted recall (`recallAt`) without computing a power in SQL; `asc` is lowest recall first.
 */
function sortKey(sort: BrowserSort, now: number): { expr: SQL; flip: boolean } {
  switch (sort) {
    case 'due':
      return { expr: sql`${cardStates.due}`, flip: false }
    case 'lapses':
      return { expr: sql`${cardStates.lapses}`, flip: false }
    case 'difficulty':
      return {
        expr: sql`case when ${cardStates.state} = ${fsrsSql(State.New)} then null else ${cardStates.difficulty} end`,
        flip: false,
      }
    case 'retrievability':
      return {
        expr: sql`case when ${cardStates.lastReview} is null or ${cardStates.stability} <= 0 then null
          else max((${now} - ${cardStates.lastReview}) / ${DAY}, 0) / ${cardStates.stability} end`,
        flip: true,
      }
    case 'relevance':
      return { expr: sql`f.rank`, flip: false }
    case 'position':
      return { expr: sql`${cards.deck}`, flip: false }
  }
}

function stateFilter(state: BrowserState, now: number): SQL {
  switch (state) {
    case 'new':
      return sql`(${cardStates.state} is null or ${cardStates.state} = ${fsrsSql(State.New)})`
    case 'learning':
      return sql`${cardStates.state} in (${fsrsSql(State.Learning)}, ${fsrsSql(State.Relearning)})`
    case 'review':
      return sql`${cardStates.state} = ${fsrsSql(State.Review)}`
    case 'suspended':
      return sql`${cardStates.suspended} = 1`
    case 'buried':
      return sql`${cardStates.buriedUntil} > ${now}`
    case 'leech':
      return sql`${cardStates.leech} = 1`
  }
}

function whereOf(s: CardSearch): SQL {
  const conditions: SQL[] = [sql`${cards.retiredAt} is null`, visibleTo(s.userId)]
  if (s.deck) conditions.push(sql`${cards.deck} = ${s.deck}`)
  if (s.topic) conditions.push(sql`${cards.topic} = ${s.topic}`)
  if (s.tag) conditions.push(sql`exists (select 1 from json_each(${cards.tags}) t where t.value = ${s.tag})`)
  if (s.state) conditions.push(stateFilter(s.state, s.now))
  return sql.join(conditions, sql` and `)
}

function fromOf(s: CardSearch): SQL {
  const matched = s.match
    ? sql`join (select card_id, rank from cards_fts where cards_fts match ${s.match}) f on f.card_id = ${cards.id}`
    : sql``
  return sql`from ${cards} join ${decks} on ${decks.slug} = ${cards.deck} ${matched}
    left join ${cardStates} on ${cardStates.cardId} = ${cards.id} and ${cardStates.userId} = ${s.userId}`
}

/**
 * One page of the cards a user may see (shared decks, their own, their teams'), live ones only,
 * filtered and sorted; unstudied cards (no value to sort by) come last whatever the order. Reads
 * `limit + 1` rows so the caller knows whether another page follows, and the total in the
 * same round trip.
 */
export async function searchCards(db: Db, s: CardSearch): Promise<{ rows: BrowserRow[]; total: number }> {
  const { expr, flip } = sortKey(s.sort, s.now)
  const direction = (s.order === 'desc') !== flip ? sql`desc` : sql`asc`
  const from = fromOf(s)
  const where = whereOf(s)
  const [rows, counted] = await db.batch([
    db.all<BrowserRow>(sql`
      select ${cards.id} as id, ${cards.deck} as deck, ${cards.topic} as topic, ${cards.kind} as kind,
        ${cards.tags} as tags, ${cards.prompt} as prompt, ${cards.answer} as answer,
        ${cardStates.due} as due, ${cardStates.stability} as stability, ${cardStates.difficulty} as difficulty,
        ${cardStates.reps} as reps, ${cardStates.lapses} as lapses, ${cardStates.state} as state,
        ${cardStates.lastReview} as lastReview, ${cardStates.suspended} as suspended,
        ${cardStates.leech} as leech, ${cardStates.buriedUntil} as buriedUntil
      ${from}
      where ${where}
      order by (${expr}) is null, ${expr} ${direction}, ${cards.deck}, ${cards.position}, ${cards.id}
      limit ${s.limit + 1} offset ${s.offset}`),
    db.all<{ total: number }>(sql`select count(*) as total ${from} where ${where}`),
  ] as const)
  return { rows: rows as unknown as BrowserRow[], total: (counted as unknown as { total: number }[])[0]?.total ?? 0 }
}

/**
 * The user's words as an FTS5 query: each word a quoted string (so `"`, `*`, `-`, `:`, `NEAR`
 * and `OR` are words, never syntax a user can get wrong into a 500), all required, each a
 * prefix ("pod" finds "pods", and results follow typing). Undefined when no word is left.
 * @see https://www.sqlite.org/fts5.html#full_text_query_syntax
 */
export function ftsQuery(words: string): string | undefined {
  const terms = words
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word !== '')
    .slice(0, 16)
  if (terms.length === 0) return undefined
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ')
}
