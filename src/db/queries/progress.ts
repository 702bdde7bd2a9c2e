import { type SQL, sql } from 'drizzle-orm'
import type { ActivityRow, CardGroup, DueBucket, TopicTotal } from '../../domain/progress'
import type { Db } from '../index'
import { cardStates, cards, decks, reviewLogs, topics, users } from '../schema'

const QUARTER_HOUR = 900_000
const DAY = 86_400_000

/** Inlined as SQL integer literals: bound JS numbers may arrive as REAL and turn `/` into real division. */
const int = (value: number) => sql.raw(String(Math.trunc(value)))
const inDeck = (deck: string | undefined) => (deck ? sql`and ${cards.deck} = ${deck}` : sql``)

export async function deckExists(db: Db, slug: string): Promise<boolean> {
  const rows = await db.all(sql`select 1 from ${decks} where ${decks.slug} = ${slug}`)
  return rows.length > 0
}

/** The user's settings, first review (undone or not: a lower bound is enough) and live cards per topic. */
export async function loadProgressBasics(db: Db, userId: string, deck: string | undefined) {
  const [settings, first, totals] = await db.batch([
    db.all<{ settings: string }>(sql`select ${users.settings} as settings from ${users} where ${users.id} = ${userId}`),
    db.all<{ first: number | null }>(
      sql`select min(${reviewLogs.reviewedAt}) as first from ${reviewLogs} where ${reviewLogs.userId} = ${userId}`,
    ),
    db.all<TopicTotal>(sql`
      select ${cards.deck} as deck, ${cards.topic} as topic, coalesce(max(${topics.title}), ${cards.topic}) as title,
        count(*) as total
      from ${cards} left join ${topics} on ${topics.deck} = ${cards.deck} and ${topics.slug} = ${cards.topic}
      where ${cards.retiredAt} is null ${inDeck(deck)}
      group by ${cards.deck}, ${cards.topic}
      order by ${cards.deck}, coalesce(max(${topics.position}), 1e9), ${cards.topic}`),
  ])
  return { settingsJson: settings[0]?.settings ?? '{}', firstReview: first[0]?.first ?? null, topics: totals }
}

interface ActivitySqlRow extends Omit<ActivityRow, 'check'> {
  single: number | null
  reviewedAt: number
  rating: number
  previousReview: number | null
  wasDue: number | null
}

/**
 * One pass over the user's logs (not undone) since `since`, summed per quarter hour. Two
 * questions need the study day of more than one instant, which SQL cannot know across DST:
 * whether a review-state answer is the card's first of the day (its previous review, the
 * ts-fsrs `due` column, on an earlier day), and whether a card was answered on a later day than
 * it fell due (`before.due`). With every day starting between `low` and `high` ms after UTC
 * midnight, integer division settles most logs; the few it cannot settle come back one per row.
 */
function activityQuery(db: Db, userId: string, deck: string | undefined, since: number, low: number, high: number) {
  const day = (instant: SQL, offset: number) => sql`(${instant} - ${int(offset)}) / ${int(DAY)}`
  const at = sql`l.reviewed_at`
  const previous = sql`l.due`
  const wasDue = sql`json_extract(l.before, '$.due')`
  const reviewAnswer = sql`l.state = 2 and l.origin = 'review'`
  // 1: certainly the day's first answer, 0: certainly not, 2: ask the day grid.
  const first = sql`case when not (${reviewAnswer}) then 0
    when ${day(at, high)} > ${day(previous, low)} then 1
    when ${day(at, low)} <= ${day(previous, high)} then 0 else 2 end`
  const late = sql`(l.state != 0 and ${day(at, low)} > ${day(wasDue, high)})`
  return db.all<ActivitySqlRow>(sql`
    select l.reviewed_at / ${int(QUARTER_HOUR)} * ${int(QUARTER_HOUR)} as bucket,
      count(*) as reviews, sum(l.rating = 1) as again, sum(coalesce(l.duration_ms, 0)) as "timeMs",
      sum(l.state = 0 and l.origin = 'review') as introduced, sum(${reviewAnswer}) as "reviewAnswers",
      sum(${first} = 1 and l.rating > 1) as passed, sum(${first} = 1 and l.rating = 1) as failed,
      case when ${first} = 2 or ${late} then l.id end as single,
      max(l.reviewed_at) as "reviewedAt", max(l.rating) as rating,
      max(case when ${first} = 2 then ${previous} end) as "previousReview",
      max(case when ${late} then ${wasDue} end) as "wasDue"
    from ${reviewLogs} l ${deck ? sql`join ${cards} on ${cards.id} = l.card_id` : sql``}
    where l.user_id = ${userId} and l.reviewed_at >= ${since} and l.undone_at is null ${inDeck(deck)}
    group by 1, single`)
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
      (s.state = 2 and s.scheduled_days >= 21) as mature, coalesce(s.buried_until > ${int(now)}, 0) as buried,
      count(*) as count,
      case when s.state != 0 then '[' || group_concat(printf('%!.17g,%d', s.stability, s.last_review), ',') || ']'
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
    where s.user_id = ${userId} and s.state != 0 and s.suspended = 0 and s.due < ${int(until)}
      and ${cards.retiredAt} is null ${inDeck(deck)}
    group by 1, 2, 3`)
}

function pairs(memory: string | null): [number, number][] {
  const flat = memory === null ? [] : (JSON.parse(memory) as number[])
  return Array.from({ length: flat.length >> 1 }, (_, i) => [flat[2 * i] as number, flat[2 * i + 1] as number])
}

export interface ProgressWindow {
  now: number
  /** Start of the first study day to read logs from. */
  since: number
  /** End of the last forecast day. */
  until: number
  /** Least and greatest offset of a day start from UTC midnight (see `startOffsets`). */
  offsets: { low: number; high: number }
}

/** The activity rows, card groups and due buckets, in one round trip. */
export async function loadProgressRows(db: Db, userId: string, deck: string | undefined, window: ProgressWindow) {
  const { now, since, until, offsets } = window
  const [activity, groups, due] = await db.batch([
    activityQuery(db, userId, deck, since, offsets.low, offsets.high),
    cardGroupsQuery(db, userId, deck, now),
    dueBucketsQuery(db, userId, deck, now, until),
  ])
  return {
    activity: activity.map(
      ({ single, reviewedAt, rating, previousReview, wasDue, ...sums }): ActivityRow =>
        single === null ? sums : { ...sums, check: { reviewedAt, rating, previousReview, wasDue } },
    ),
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
        json_extract(l.before, '$.due') as "dueBefore", l.state_after as "stateAfter", l.due_after as "dueAfter", l.origin
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
