import { sql } from 'drizzle-orm'
import type { CardGroup, DayActivity, DueBucket, TopicTotal } from '../../domain/progress'
import { Rating, State } from '../../domain/scheduling'
import type { Db } from '../index'
import { cardStates, cards, decks, reviewLogs, topics } from '../schema'
import { visibleTo } from './deck-access'
import { fsrsSql } from './fsrs-sql'

const QUARTER_HOUR = 900_000

/** Inlined as SQL integer literals: bound JS numbers may arrive as REAL and turn `/` into real division. */
const int = (value: number) => sql.raw(String(Math.trunc(value)))
const inDeck = (deck: string | undefined) => (deck ? sql`and ${cards.deck} = ${deck}` : sql``)

/** Whether the deck exists and the user may see it. */
export async function deckExists(db: Db, slug: string, userId: string): Promise<boolean> {
  const rows = await db.all(sql`select 1 from ${decks} where ${decks.slug} = ${slug} and ${visibleTo(userId)}`)
  return rows.length > 0
}

/**
 * The user's first review (undone or not: a lower bound is enough), live cards per topic and
 * whether the user may see `deck` (true without a deck): statements for the progress batch.
 */
function basicsQueries(db: Db, userId: string, deck: string | undefined) {
  return [
    db.all<{ first: number | null }>(
      sql`select min(${reviewLogs.reviewedAt}) as first from ${reviewLogs} where ${reviewLogs.userId} = ${userId}`,
    ),
    db.all<TopicTotal>(sql`
      select ${cards.deck} as deck, ${cards.topic} as topic, coalesce(max(${topics.title}), ${cards.topic}) as title,
        count(*) as total
      from ${cards} left join ${topics} on ${topics.deck} = ${cards.deck} and ${topics.slug} = ${cards.topic}
      where ${cards.retiredAt} is null ${inDeck(deck)}
        and ${cards.deck} in (select ${decks.slug} from ${decks} where ${visibleTo(userId)})
      group by ${cards.deck}, ${cards.topic}
      order by ${cards.deck}, coalesce(max(${topics.position}), 1e9), ${cards.topic}`),
    db.all(sql`select 1 from ${decks} where ${decks.slug} = ${deck ?? null} and ${visibleTo(userId)}`),
  ] as const
}

/** The `due` in `before`: read from the prefix `encodeBefore` writes, else parsed (null if not JSON). */
const dueBefore = sql`(case when substr(l.before, 1, 7) = '{"due":' then cast(substr(l.before, 8) as integer)
  when json_valid(l.before) then json_extract(l.before, '$.due') end)`

/**
 * The user's answers (not undone) summed per study day. The day starts come from the domain's
 * day grid (exact across DST) as a JSON array, and each day is one range scan of the
 * (user_id, reviewed_at) index, so nothing is sorted and every day test is exact:
 * - a review-state answer is the card's first of the day when its previous review (the ts-fsrs
 *   `due` column holds the previous `last_review`) is before the day's start;
 * - `earliestDue` is the earliest `before.due` of the day's answers: when it is before the day's
 *   start, a card waited past the end of every day from that one to this.
 * Parsing `before` costs more than the rest of the query; reading the prefix halves that.
 */
function activityQuery(db: Db, userId: string, deck: string | undefined, starts: string) {
  const answer = sql`l.state = ${fsrsSql(State.Review)} and l.origin = 'review'`
  // Retention counts imported answers (Anki's review log) too: they are the user's recall. The
  // daily quota (answers, new cards) counts only answers here, as the review queue does.
  const first = sql`l.state = ${fsrsSql(State.Review)} and l.origin in ('review', 'import') and l.due < d.value`
  const again = fsrsSql(Rating.Again)
  const fresh = fsrsSql(State.New)
  return db.all<{ day: number; sums: string }>(sql`
    select d.key as day, (
      select json_array(count(*), sum(l.rating = ${again}), sum(coalesce(l.duration_ms, 0)),
        sum(l.state = ${fresh} and l.origin = 'review'), sum(${answer}),
        sum(${first} and l.rating > ${again}), sum(${first} and l.rating = ${again}), min(case when l.state != ${fresh} then ${dueBefore} end))
      from ${reviewLogs} l ${deck ? sql`join ${cards} on ${cards.id} = l.card_id and ${cards.deck} = ${deck}` : sql``}
      where l.user_id = ${userId} and l.undone_at is null
        and l.reviewed_at >= d.value and l.reviewed_at < json_extract(${starts}, '$[' || (d.key + 1) || ']')
    ) as sums
    from json_each(${starts}) d where d.key < json_array_length(${starts}) - 1`)
}

function dayActivity({ day, sums }: { day: number; sums: string }): DayActivity {
  const [reviews, again, timeMs, introduced, reviewAnswers, passed, failed, earliestDue] = JSON.parse(sums) as (
    | number
    | null
  )[]
  return {
    day,
    reviews: reviews ?? 0,
    again: again ?? 0,
    timeMs: timeMs ?? 0,
    introduced: introduced ?? 0,
    reviewAnswers: reviewAnswers ?? 0,
    passed: passed ?? 0,
    failed: failed ?? 0,
    earliestDue: earliestDue ?? null,
  }
}

type CardGroupSqlRow = Omit<CardGroup, 'memory'> & { memory: string | null }

/**
 * The user's card states counted per topic and flags. For seen cards the stability and last
 * review of each come back as one JSON array per group (`%!.17g` round-trips a double exactly):
 * thousands of two-number rows cost more to hand to JavaScript than the query costs to run.
 */
function cardGroupsQuery(db: Db, userId: string, deck: string | undefined, now: number) {
  return db.all<CardGroupSqlRow>(sql`
    select ${cards.deck} as deck, ${cards.topic} as topic, s.state, s.suspended, s.leech,
      (s.state = ${fsrsSql(State.Review)} and s.scheduled_days >= 21) as mature, coalesce(s.buried_until > ${int(now)}, 0) as buried,
      count(*) as count,
      case when s.state != ${fsrsSql(State.New)} then '[' || group_concat(printf('%!.17g,%d', s.stability, s.last_review), ',') || ']'
      end as memory
    from ${cardStates} s join ${cards} on ${cards.id} = s.card_id
    where s.user_id = ${userId} and ${cards.retiredAt} is null ${inDeck(deck)}
    group by 1, 2, 3, 4, 5, 6, 7`)
}

/** Seen cards not suspended, due before `until`, per quarter hour of their due time. */
function dueBucketsQuery(db: Db, userId: string, deck: string | undefined, now: number, until: number) {
  return db.all<DueBucket>(sql`
    select s.due / ${int(QUARTER_HOUR)} * ${int(QUARTER_HOUR)} as bucket, s.state,
      coalesce(s.buried_until > ${int(now)}, 0) as buried, count(*) as count
    from ${cardStates} s join ${cards} on ${cards.id} = s.card_id
    where s.user_id = ${userId} and s.state != ${fsrsSql(State.New)} and s.suspended = 0 and s.due < ${int(until)}
      and ${cards.retiredAt} is null ${inDeck(deck)}
    group by 1, 2, 3`)
}

function pairs(memory: string | null): [number, number][] {
  const flat = memory === null ? [] : (JSON.parse(memory) as number[])
  return Array.from({ length: flat.length >> 1 }, (_, i) => [flat[2 * i] as number, flat[2 * i + 1] as number])
}

export interface ProgressWindow {
  now: number
  /** Starts of the study days to sum answers over, then the end of the last one. */
  dayStarts: readonly number[]
  /** End of the last forecast day. */
  until: number
}

function rowsQueries(db: Db, userId: string, deck: string | undefined, window: ProgressWindow) {
  const { now, dayStarts, until } = window
  return [
    activityQuery(db, userId, deck, JSON.stringify(dayStarts)),
    cardGroupsQuery(db, userId, deck, now),
    dueBucketsQuery(db, userId, deck, now, until),
  ] as const
}

type Rows = readonly [
  Awaited<ReturnType<typeof activityQuery>>,
  Awaited<ReturnType<typeof cardGroupsQuery>>,
  Awaited<ReturnType<typeof dueBucketsQuery>>,
]

function presentRows([activity, groups, due]: Rows) {
  return {
    activity: activity.map(dayActivity),
    cards: groups.map(
      (g): CardGroup => ({
        ...g,
        suspended: Boolean(g.suspended),
        leech: Boolean(g.leech),
        mature: Boolean(g.mature),
        buried: Boolean(g.buried),
        memory: pairs(g.memory),
      }),
    ),
    due: due.map((b): DueBucket => ({ ...b, buried: Boolean(b.buried) })),
  }
}

/**
 * Everything the progress page reads, in one round trip: the first review, topics and the deck
 * check with the answers per day, card groups and due buckets over `window`, which the caller
 * builds before it knows the first review (the last year's grid). When the first review turns out
 * older, `loadProgressRows` reads the rows again over the longer grid: a second round trip for
 * histories longer than a year only.
 */
export async function loadProgress(db: Db, userId: string, deck: string | undefined, window: ProgressWindow) {
  const [first, totals, visible, ...rows] = await db.batch([
    ...basicsQueries(db, userId, deck),
    ...rowsQueries(db, userId, deck, window),
  ])
  return {
    firstReview: first[0]?.first ?? null,
    topics: totals,
    deckVisible: deck === undefined || visible.length > 0,
    rows: presentRows(rows),
  }
}

/** The answers per study day, card groups and due buckets, in one round trip. */
export async function loadProgressRows(db: Db, userId: string, deck: string | undefined, window: ProgressWindow) {
  return presentRows(await db.batch(rowsQueries(db, userId, deck, window)))
}

export interface ExportedLog {
  id: number
  cardId: string
  deck: string | null
  topic: string | null
  rating: number
  reviewedAt: number
  durationMs: number | null
  stateBefore: number
  /** When the card was due before this answer (from `before`; the `due` column is not that). */
  dueBefore: number | null
  stateAfter: number
  dueAfter: number
  origin: string
}

/**
 * The user's answers (not undone) in `pageSize` pages, oldest first. Keyset paging on
 * (reviewed_at, id) walks the (user_id, reviewed_at) index, so each page costs the same however
 * deep into a long history it is, and only one page is in memory at a time.
 */
export async function* exportedLogPages(db: Db, userId: string, pageSize = 500): AsyncGenerator<ExportedLog[]> {
  let after = { reviewedAt: Number.MIN_SAFE_INTEGER, id: 0 }
  for (;;) {
    const page = await db.all<ExportedLog>(sql`
      select l.id, l.card_id as "cardId", ${cards.deck} as deck, ${cards.topic} as topic, l.rating,
        l.reviewed_at as "reviewedAt", l.duration_ms as "durationMs", l.state as "stateBefore",
        ${dueBefore} as "dueBefore", l.state_after as "stateAfter", l.due_after as "dueAfter", l.origin
      from ${reviewLogs} l left join ${cards} on ${cards.id} = l.card_id
      where l.user_id = ${userId} and l.undone_at is null and l.reviewed_at >= ${after.reviewedAt}
        and (l.reviewed_at > ${after.reviewedAt} or l.id > ${after.id})
      order by l.reviewed_at, l.id
      limit ${pageSize}`)
    if (page.length > 0) yield page
    const last = page.at(-1)
    if (!last || page.length < pageSize) return
    after = { reviewedAt: last.reviewedAt, id: last.id }
  }
}
