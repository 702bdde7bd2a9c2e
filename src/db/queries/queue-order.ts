import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { SHUFFLE_PRIMES, type SqlWindow, shuffleSeed } from '../../domain/scheduling'
import { cardStates, cards } from '../schema'

const DAY = 86_400_000
/** Days counted back from today so every due day number is positive: SQLite's `/` truncates toward zero. */
const DAYS_BACK = 100_000

/** Our own integers written into the SQL, so the products stay 64-bit integers (a bound JS number may be a REAL). */
const literal = (n: number) => sql.raw(String(Math.trunc(n)))

/**
 * The ORDER BY keys of today's review and new cards (`reviewOrder`, `newCardOrder`), for queries
 * joining `cards` and `card_states`. Random is a shuffle of `cards.rowid` seeded by the user and the
 * study day (`shuffleSeed`), so a reload shows the same card and the peek of the first few rows
 * is the head of the same order the queue sorts by (`rank`). Due days are counted in 24-hour
 * periods from the start of today, so across a DST change a card due within an hour of a day
 * boundary may sort with the day next to it.
 */
export function queueRanks(userId: string, window: Pick<SqlWindow, 'studyDay' | 'dayStart' | 'order'>) {
  const { a, b, d } = shuffleSeed(userId, window.studyDay)
  const [p1, p2] = SHUFFLE_PRIMES
  const step = sql`((${cards}.rowid * ${literal(a)} + ${literal(b)}) % ${literal(p1)})`
  const shuffled = sql<number>`((${step} * ${step} + ${literal(d)}) % ${literal(p2)})`
  const base = window.dayStart - DAYS_BACK * DAY
  const dueDay = sql`((${cardStates.due} - (${literal(base)})) / ${literal(DAY)})`
  return {
    review:
      window.order.reviews === 'due'
        ? sql<number>`${cardStates.due}`
        : sql<number>`(${dueDay} * ${literal(2 ** 31)} + ${shuffled})`,
    new: window.order.newCards === 'random' ? shuffled : sql<number>`${cards.position}`,
    /**
     * For the shuffled review order, a bound on `card_states.due` that keeps only the due days up
     * to that of `nth`'s row (a due review picked by the due index, e.g. the peek-th earliest):
     * every row before it in (due day, shuffle) order falls in those days. Ordering by a computed
     * key cannot follow the index, so without the bound SQLite ranks every due review (a
     * 90,000-card history: 6 ms → 232 ms a next card). No row (fewer due): no bound.
     */
    reviewDays:
      window.order.reviews === 'due'
        ? undefined
        : (nth: SQLWrapper): SQL =>
            sql`${cardStates.due} < coalesce((((${nth}) - ${literal(base)}) / ${literal(DAY)} + 1) * ${literal(DAY)} + ${literal(base)}, ${literal(Number.MAX_SAFE_INTEGER)})`,
  }
}
