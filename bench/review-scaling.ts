import { join } from 'node:path'
import type { Client, InStatement } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { schema } from '../src/db/schema'
import { defaultSettings } from '../src/domain/scheduling'
import { nextCard } from '../src/services/review'
import { recordingClient } from './lib/recording-client'
import { migratedFile, registerUser, tempDir } from './lib/setup'
import { printTable, summarise } from './lib/stats'

const cardCount = 100_000
const day = 86_400_000

async function insertRows(client: Client, table: string, columns: string[], rows: unknown[][], chunk = 1000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk)
    const placeholders = part.map(() => `(${columns.map(() => '?').join(',')})`).join(',')
    await client.execute({
      sql: `insert into ${table} (${columns.join(',')}) values ${placeholders}`,
      args: part.flat() as never[],
    })
  }
}

/** A user with 100k card states (spread due dates) and `logCount` review logs over a year. */
async function buildHistory(logCount: number, now: number) {
  const path = join(tempDir(), `scale-${logCount}.db`)
  const { client, db } = await migratedFile(path)
  const { userId } = await registerUser(db)
  await client.execute({ sql: "insert into decks (slug, title, updated_at) values ('bench', 'Bench', ?)", args: [now] })
  await client.execute("insert into topics (deck, slug, title, file) values ('bench', 't', 'T', 't.md')")
  const cards: unknown[][] = []
  const states: unknown[][] = []
  for (let i = 0; i < cardCount; i++) {
    const id = `c${i}`
    cards.push([
      id,
      'bench',
      't',
      'basic',
      `prompt ${i}`,
      `answer ${i}`,
      `<p>prompt ${i}</p>`,
      `<p>answer ${i}</p>`,
      't.md',
      i,
      'bench/t',
      i,
      'h',
      now,
      now,
    ])
    // 90% seen: review cards due from 60 days ago to 60 days ahead; 10% unseen.
    if (i % 10 !== 0)
      states.push([userId, id, now + ((i * 7919) % (120 * day)) - 60 * day, 10, 5, 3, 10, 0, 4, 0, 2, now - day, now])
  }
  await insertRows(
    client,
    'cards',
    [
      'id',
      'deck',
      'topic',
      'kind',
      'prompt',
      'answer',
      'prompt_html',
      'answer_html',
      'source_file',
      'source_line',
      'grp',
      'position',
      'content_hash',
      'created_at',
      'updated_at',
    ],
    cards,
    500,
  )
  await insertRows(
    client,
    'card_states',
    [
      'user_id',
      'card_id',
      'due',
      'stability',
      'difficulty',
      'elapsed_days',
      'scheduled_days',
      'learning_steps',
      'reps',
      'lapses',
      'state',
      'last_review',
      'updated_at',
    ],
    states,
  )
  const logs: unknown[][] = []
  const flush = async () => {
    await insertRows(
      client,
      'review_logs',
      [
        'user_id',
        'card_id',
        'rating',
        'state',
        'due',
        'stability',
        'difficulty',
        'elapsed_days',
        'last_elapsed_days',
        'scheduled_days',
        'learning_steps',
        'reviewed_at',
        'before',
        'state_after',
        'due_after',
      ],
      logs.splice(0),
    )
  }
  for (let i = 0; i < logCount; i++) {
    const at = now - 365 * day + Math.floor((i / logCount) * 365 * day)
    logs.push([userId, `c${(i * 31) % cardCount}`, 1 + (i % 4), 2, at, 10, 5, 3, 3, 10, 0, at, '{}', 2, at + 10 * day])
    if (logs.length === 5000) await flush()
  }
  await flush()
  await client.execute('analyze')
  return { client, db, userId }
}

async function measure(logCount: number, now: number) {
  const built = performance.now()
  const { client, userId } = await buildHistory(logCount, now)
  const buildMs = performance.now() - built
  const recorder = recordingClient(client)
  const db = drizzle(recorder.client, { schema })
  const ctx = { db, userId, now, settings: defaultSettings() }
  for (let i = 0; i < 20; i++) await nextCard(ctx, { deck: 'bench' })
  const times: number[] = []
  const started = performance.now()
  for (let i = 0; i < 200; i++) {
    const t = performance.now()
    await nextCard(ctx, { deck: 'bench' })
    times.push(performance.now() - t)
  }
  const summary = summarise(times, performance.now() - started)
  recorder.mark()
  await nextCard(ctx, { deck: 'bench' })
  recorder.stop()
  const statements = (recorder.groups.at(-1) ?? []).flatMap((r) => (r.kind === 'batch' ? r.stmts : [r.stmt]))
  const plans: string[] = []
  for (const stmt of statements as InStatement[]) {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql
    const args = typeof stmt === 'string' ? [] : stmt.args
    const plan = await client.execute({ sql: `explain query plan ${sql}`, args } as InStatement)
    plans.push(`${sql.slice(0, 90)}…\n${plan.rows.map((r) => `    ${String(r.detail)}`).join('\n')}`)
  }
  client.close()
  return { summary, buildMs, plans }
}

/** The next-card read for a user with 100k card states and 10k vs 1M review logs. */
export async function runQueueScaling(): Promise<void> {
  const now = Date.UTC(2026, 5, 1, 12)
  const big = Number(process.env.BENCH_LOGS ?? 1_000_000)
  const rows = []
  let plans: string[] = []
  for (const logs of [10_000, big]) {
    const { summary, buildMs, plans: p } = await measure(logs, now)
    plans = p
    rows.push({
      'review logs': logs,
      'card states': cardCount * 0.9,
      'p50 ms': summary.p50,
      'p99 ms': summary.p99,
      'setup s': buildMs / 1000,
    })
  }
  printTable('next card (queue read + card + interval preview) vs history size', rows)
  console.log('\nEXPLAIN QUERY PLAN of the statements one next-card call runs:')
  for (const plan of plans) console.log(`  ${plan}`)
}
