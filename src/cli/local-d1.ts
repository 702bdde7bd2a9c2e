import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { drizzleOnD1 } from '../db/d1'
import type { Db } from '../db/index'
import type { Bindings } from '../env'
import { type ContentSync, syncContent } from '../services/content-sync'

/**
 * Makes the local D1 database under `persistTo` (wrangler's `--persist-to`) ready for the
 * Worker: migrations applied by wrangler itself, then the decks under `contentDir` synced
 * through a D1 binding from `getPlatformProxy` (the same workerd SQLite `wrangler dev` serves).
 */
export async function prepareLocalD1(persistTo: string, contentDir = 'content'): Promise<ContentSync> {
  const migrated = spawnSync(
    process.execPath,
    [wranglerBin(), 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
    { encoding: 'utf8', env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } },
  )
  if (migrated.status !== 0)
    throw new Error(`wrangler d1 migrations apply failed:\n${migrated.stdout}${migrated.stderr}`)
  const proxy = await getPlatformProxy<Bindings>({ persist: { path: join(persistTo, 'v3') } })
  try {
    if (!proxy.env.DB) throw new Error('wrangler.toml declares no D1 binding named DB')
    const db = drizzleOnD1(proxy.env.DB)
    return await syncContent(inSlices(db), contentDir, Date.now())
  } finally {
    await proxy.dispose()
  }
}

/**
 * The same handle with each batch sent in slices of 20 statements: the platform proxy carries
 * a batch to workerd in one request, which fails once a whole deck's inserts pass its size
 * limit. A fresh local database is the only thing synced this way, so losing one-batch
 * atomicity here costs nothing; the Worker itself never slices.
 */
function inSlices(db: Db): Db {
  const batch = db.batch.bind(db)
  const sliced = async (items: readonly unknown[]) => {
    const results: unknown[] = []
    for (let i = 0; i < items.length; i += 20)
      results.push(...(await batch(items.slice(i, i + 20) as unknown as Parameters<Db['batch']>[0])))
    return results
  }
  return Object.assign(Object.create(db), { batch: sliced }) as Db
}

export function wranglerBin(): string {
  return join(process.cwd(), 'node_modules', 'wrangler', 'bin', 'wrangler.js')
}
