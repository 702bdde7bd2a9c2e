/**
 * `npm run bench:card-search`: the card browser on a shared deck of 10,000 cards (a quarter of
 * them studied), through the HTTP route on a migrated libSQL file: median time of a full-text
 * search, a filter and each sort, beside the same requests on a 100-card deck in the same
 * process (the baseline). Then the cost the FTS5 triggers add to a content edit: rewording 500
 * cards' prompts, timed with the triggers and again after dropping them.
 */
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { createApp } from '../src/app'
import type { Db } from '../src/db/index'
import { cardStates, cards, decks } from '../src/db/schema'
import { benchPasswordParams, benchRateLimits, migratedFile, registerUser, tempDir } from './lib/setup'

const now = Date.UTC(2026, 0, 15, 12)
const DAY = 86_400_000
const words = ['container', 'image', 'volume', 'network', 'swarm', 'service', 'secret', 'layer', 'registry', 'daemon']

async function seed(db: Db, count: number, userId: string) {
  await db.insert(decks).values({ slug: 'bench', title: 'Bench', updatedAt: now })
  for (let from = 0; from < count; from += 500) {
    const rows = Array.from({ length: Math.min(500, count - from) }, (_, k) => {
      const i = from + k
      return {
        id: `bench-${i}`,
        deck: 'bench',
        topic: `topic-${i % 20}`,
        kind: 'basic',
        tags: JSON.stringify([`tag${i % 13}`]),
        prompt: `What does the ${words[i % 10]} option ${i} of ${words[(i * 7) % 10]} do?`,
        answer: `It sets the ${words[(i * 3) % 10]} number ${i} for the ${words[(i * 5) % 10]}`,
        promptHtml: '<p>p</p>',
        answerHtml: '<p>a</p>',
        sourceFile: 'bench.md',
        sourceLine: i,
        group: `g${i}`,
        position: i,
        contentHash: `h${i}`,
        createdAt: now,
        updatedAt: now,
      }
    })
    await db.insert(cards).values(rows)
    const studied = rows.filter((_, k) => (from + k) % 4 === 0)
    if (studied.length)
      await db.insert(cardStates).values(
        studied.map((r) => ({
          userId,
          cardId: r.id,
          due: now + (r.position % 30) * DAY,
          stability: 1 + (r.position % 50),
          difficulty: 1 + (r.position % 9),
          elapsedDays: 0,
          scheduledDays: 3,
          learningSteps: 0,
          reps: 3,
          lapses: r.position % 5,
          state: 2,
          lastReview: now - (r.position % 20) * DAY,
          suspended: r.position % 40 === 0,
          updatedAt: now,
        })),
      )
  }
}

const queries = [
  'q=container',
  'q=volume%20swarm&sort=due',
  'state=suspended',
  'sort=due',
  'sort=lapses',
  'sort=difficulty',
  'sort=retrievability',
  'tag=tag3&sort=retrievability',
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function run(count: number) {
  const { db } = await migratedFile(join(tempDir(), `cards-${count}.db`))
  const { cookie, userId } = await registerUser(db)
  await seed(db, count, userId)
  const app = createApp({
    database: () => db,
    clock: () => now,
    passwordParams: benchPasswordParams,
    rateLimits: benchRateLimits,
  })
  const times: Record<string, number> = {}
  for (const query of queries) {
    const samples: number[] = []
    for (let i = 0; i < 15; i++) {
      const start = performance.now()
      const res = await app.request(`http://127.0.0.1/api/v1/cards?${query}&limit=50`, { headers: { cookie } })
      if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`)
      await res.arrayBuffer()
      samples.push(performance.now() - start)
    }
    times[query] = median(samples)
  }
  return { db, times }
}

async function reword(db: Db, round: number): Promise<number> {
  const start = performance.now()
  await db.run(
    sql`update ${cards} set prompt = prompt || ${` r${round}`} where ${cards.id} in (select id from ${cards} where position % 20 = 0)`,
  )
  return performance.now() - start
}

const small = await run(100)
const large = await run(10_000)
console.log('GET /api/v1/cards (limit 50), median of 15, ms:')
console.log('query'.padEnd(32), '100 cards'.padStart(10), '10,000 cards'.padStart(14))
for (const query of queries)
  console.log(
    query.padEnd(32),
    small.times[query]!.toFixed(1).padStart(10),
    large.times[query]!.toFixed(1).padStart(14),
  )

const withTriggers = await reword(large.db, 1)
await large.db.run(sql.raw('drop trigger cards_fts_update'))
const without = await reword(large.db, 2)
console.log(
  `rewording 500 of 10,000 prompts: ${withTriggers.toFixed(0)} ms with the FTS5 trigger, ${without.toFixed(0)} ms without`,
)
