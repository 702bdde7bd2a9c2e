import { fillPlaceholders, type SQL, sql } from 'drizzle-orm'
import type { Db } from './index'

/** What drizzle's prepared queries (libSQL and D1 alike) offer the batch: the built query. */
interface Prepared {
  getQuery(): { sql: string; params: unknown[] }
}

interface Buildable {
  prepare(): Prepared
}

/** Statements as built once: the builders (for their types) and drizzle's prepared queries. */
export type Built<T extends readonly Buildable[]> = {
  prepared: { [K in keyof T]: ReturnType<T[K]['prepare']> }
  /** The builders' types only: they are not kept. */
  items?: T
}

/** Per database handle (the Worker opens one per request; Node keeps one), per statement shape. */
const cache = new WeakMap<object, Map<string, unknown>>()

/**
 * Hot statements built once per shape and bound per request: drizzle builds a statement's SQL
 * anew on every call (its `is()` entity walk over every chunk), which was a third of the app's
 * own JavaScript in the review loop (docs/deploy.md). `build` writes the statements with
 * `sql.placeholder(name)` for every value that varies; `key` names everything else that shapes
 * the SQL. Keyed by `db` too, since a D1 prepared query holds its binding's statement.
 */
export function reuse<T extends readonly Buildable[]>(db: Db, key: string, build: () => T): Built<T> {
  let byKey = cache.get(db)
  if (!byKey) {
    byKey = new Map()
    cache.set(db, byKey)
  }
  let built = byKey.get(key) as Built<T> | undefined
  if (!built) {
    built = { prepared: build().map((item) => item.prepare()) as Built<T>['prepared'] }
    byKey.set(key, built)
  }
  return built
}

/**
 * The statements of `reuse` with their placeholders filled, for `db.batch`, typed as the
 * builders so the batch infers its result rows. drizzle's batch takes a prepared query's
 * parameters unfilled (drizzle-orm#2197), so each item hands it a copy of the prepared query
 * carrying the filled ones: both drivers' batches call `_prepare()`, read `getQuery()` (D1 binds
 * them to the copy's `stmt`) and map the rows with `mapResult`.
 */
export function bound<T extends readonly Buildable[]>(built: Built<T>, values: Record<string, unknown>): T {
  return (built.prepared as readonly Prepared[]).map((prepared) => {
    const query = prepared.getQuery()
    const filled = Object.create(prepared, {
      query: { value: { ...query, params: fillPlaceholders(query.params, values) } },
    })
    return { _prepare: () => filled }
  }) as unknown as T
}

/**
 * A placeholder for an integer that takes part in 64-bit arithmetic: @libsql/client binds every
 * JS number as a REAL, which would turn the products into floating point.
 */
export const integerPlaceholder = (name: string): SQL => sql`cast(${sql.placeholder(name)} as integer)`

/** A placeholder where a builder or helper takes a value (`eq(column, value)`, `.limit(n)`). */
export const placeholder = <T>(name: string): T => sql.placeholder(name) as unknown as T
