import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { SHUFFLE_PRIMES, type SqlWindow, shuffleSeed } from '../../domain/scheduling'
import { integerPlaceholder } from '../reuse'
import { cardStates, cards } from '../schema'

const DAY = 86_400_000
/** Days counted back from today so every due day number is positive: SQLite's `/` truncates toward zero. */
const DAYS_BACK = 100_000

/** Constants written into the SQL, so the products stay 64-bit integers (a bound JS number is a REAL). */
const literal = (n: number) => sql.raw(String(Math.trunc(n)))

/**
 * The values the order's SQL depends on for one user on one study day: the day's shuffle
 * (`shuffleSeed`) and the origin its due days are counted from. Bound as parameters
 * (`integerPlaceholder`), so the statements are built once whatever the user and the day.
 */
export function rankValues(userId: string, window: Pick<SqlWindow, 'studyDay' | 'dayStart'>) {
  return { ...shuffleSeed(userId, window.studyDay), dayOrigin: window.dayStart - DAYS_BACK * DAY }
}

/**
 * The ORDER BY keys of today's review and new cards (`reviewOrder`, `newCardOrder`), for queries
 * joining `cards` and `card_states`, with `rankValues` bound to their placeholders. Random is a
 * shuffle of `cards.rowid` seeded by the user and the study day (`shuffleSeed`), so a reload
 * shows the same card and the peek of the first few rows is the head of the same order the queue
 * sorts by (`rank`). Due days are counted in 24-hour periods from the start of today, so across a
 * DST change a card due within an hour of a day boundary may sort with the day next to it.
 */
export function queueRanks(order: SqlWindow['order']) {
  const [a, b, d, base] = ['a', 'b', 'd', 'dayOrigin'].map(integerPlaceholder)
  const [p1, p2] = SHUFFLE_PRIMES
  const step = sql`((${cards}.rowid * ${a} + ${b}) % ${literal(p1)})`
  const shuffled = sql<number>`((${step} * ${step} + ${d}) % ${literal(p2)})`
  const dueDay = sql`((${cardStates.due} - ${base}) / ${literal(DAY)})`
  return {
    review:
      order.reviews === 'due'
        ? sql<number>`${cardStates.due}`
        : sql<number>`(${dueDay} * ${literal(2 ** 31)} + ${shuffled})`,
    new: order.newCards === 'random' ? shuffled : sql<number>`${cards.position}`,
    /**
     * For the shuffled review order, a bound on `card_states.due` that keeps only the due days up
     * to that of `nth`'s row (a due review picked by the due index, e.g. the peek-th earliest):
     * every row before it in (due day, shuffle) order falls in those days. Ordering by a computed
     * key cannot follow the index, so without the bound SQLite ranks every due review (a
     * 90,000-card history: 6 ms → 232 ms a next card). No row (fewer due): no bound.
     */
    reviewDays:
      order.reviews === 'due'
        ? undefined
        : (nth: SQLWrapper): SQL =>
            sql`${cardStates.due} < coalesce((((${nth}) - ${base}) / ${literal(DAY)} + 1) * ${literal(DAY)} + ${base}, ${literal(Number.MAX_SAFE_INTEGER)})`,
  }
}
