import { type AnyD1Database, drizzle } from 'drizzle-orm/d1'
import type { Db } from './index'
import { schema } from './schema'

type Batch = Db['batch']

/**
 * The drizzle handle on a Cloudflare D1 binding, typed as the libSQL one: the queries use only
 * what both drivers share, and `changedRows` reads either driver's write result.
 *
 * drizzle's D1 `batch` crashes on raw `sql` items (`db.run(sql…)`, which our changes()-guarded
 * writes are): it binds `item.stmt`, which a raw item never prepares. Preparing it here lets
 * the same batch run, still as one D1 transaction.
 * @see https://github.com/drizzle-team/drizzle-orm/issues/2277
 */
export function drizzleOnD1(binding: AnyD1Database): Db {
  const db = drizzle(binding, { schema })
  const batch = db.batch.bind(db) as unknown as Batch
  const prepared = ((items: Parameters<Batch>[0]) => {
    for (const item of items as unknown as Array<{ stmt?: unknown; getQuery?: () => { sql: string } }>)
      if (item.stmt === undefined && item.getQuery) item.stmt = binding.prepare(item.getQuery().sql)
    return batch(items)
  }) as unknown as Batch
  return Object.assign(db, { batch: prepared }) as unknown as Db
}
