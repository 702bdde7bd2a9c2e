import { type SQL, sql } from 'drizzle-orm'
import type { Rating, State } from '../../domain/scheduling'

/**
 * A ts-fsrs state or rating as an SQL integer literal, so SQL names `State.Review` as code does
 * while the statement text (and the plan SQLite picks for it) stays what it was with a bare `2`.
 */
export const fsrsSql = (value: State | Rating): SQL => sql.raw(String(value))
