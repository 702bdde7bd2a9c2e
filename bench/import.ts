/**
 * `npm run bench:import`: imports a generated 10,000-card Anki package (with a review log), in the
 * legacy (`collection.anki21`) and the modern (`collection.anki21b`: zstd, schema 18) format, and a
 * 10,000-row Quizlet TSV into a user's deck through the HTTP route, on a migrated libSQL file, and
 * prints wall time and peak memory. Beside each, the same import of 100 cards, run in the same
 * process: the baseline a figure is read against (per-card cost, fixed cost).
 */
import { join } from 'node:path'
import { createApp } from '../src/app'
import { deckTools } from '../src/content/deck-tools'
import { basicModel, buildPackage, type PackageInput, reversedModel } from '../test/helpers/anki-package'
import { buildPackage21b } from '../test/helpers/anki-package-21b'
import { benchPasswordParams, migratedFile, tempDir } from './lib/setup'

const crt = Date.UTC(2025, 0, 1) / 1000
const now = Date.UTC(2026, 0, 15, 12)

function ankiInput(count: number): PackageInput {
  const notes: PackageInput['notes'] = []
  const cards: PackageInput['cards'] = []
  const revlog: NonNullable<PackageInput['revlog']> = []
  for (let i = 0; i < count; i += 1) {
    const reversed = i % 10 === 0
    notes.push({
      id: i + 1,
      guid: `bench-${i}`,
      mid: reversed ? reversedModel.id : basicModel.id,
      tags: `bench topic${i % 7}`,
      fields: [`What is <b>fact ${i}</b> about container ${i % 97}?`, `It is answer ${i}<br>with a second line`],
    })
    cards.push({
      id: 10 * i + 1,
      nid: i + 1,
      did: 1 + (i % 5),
      ord: 0,
      type: 2,
      queue: 2,
      due: 370 + (i % 30),
      ivl: 5,
      factor: 2500,
      reps: 3,
    })
    if (reversed) cards.push({ id: 10 * i + 2, nid: i + 1, did: 1 + (i % 5), ord: 1 })
    for (let r = 0; r < 3; r += 1)
      revlog.push({
        id: Date.UTC(2025, 11, 1 + r * 5) + i,
        cid: 10 * i + 1,
        ease: 3,
        ivl: r === 0 ? -600 : 5 * r,
        lastIvl: 0,
        type: r === 0 ? 0 : 1,
      })
  }
  const decks = Object.fromEntries([1, 2, 3, 4, 5].map((id) => [id, id === 1 ? 'Default' : `Bench::Part ${id}`]))
  return { crt, models: [basicModel, reversedModel], decks, notes, cards, revlog }
}

function tsv(count: number): string {
  const rows: string[] = []
  for (let i = 0; i < count; i += 1) rows.push(`term ${i} of the list\tdefinition ${i}, with a comma`)
  return `${rows.join('\n')}\n`
}

async function run(label: string, name: string, content: string | Uint8Array) {
  const dir = tempDir()
  const { db, client } = await migratedFile(join(dir, 'bench.db'))
  const app = createApp({
    database: () => db,
    clock: () => now,
    clientIp: () => '203.0.113.9',
    passwordParams: benchPasswordParams,
    deckTools,
  })
  const registered = await app.request('http://127.0.0.1/api/v1/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery staple' }),
  })
  const cookie = registered.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const request = (path: string, init: RequestInit) =>
    app.request(`http://127.0.0.1${path}`, { ...init, headers: { ...(init.headers ?? {}), cookie } })
  const deck = await request('/api/v1/decks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: label }),
  })
  const { slug } = (await deck.json()) as { slug: string }
  const form = new FormData()
  form.append('file', new File([content as BlobPart], name))
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const started = performance.now()
  const res = await request(`/api/v1/decks/${slug}/import`, { method: 'POST', body: form })
  const ms = performance.now() - started
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  const body = (await res.json()) as { cards?: number; history?: { states: number; reviews: number }; detail?: string }
  if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.detail}`)
  client.close()
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content).length : content.length
  return {
    label,
    bytes,
    cards: body.cards ?? 0,
    reviews: body.history?.reviews ?? 0,
    ms,
    peakMb: (peak - rssBefore) / 2 ** 20,
    rssMb: peak / 2 ** 20,
  }
}

const results = []
for (const count of [100, 10_000]) {
  results.push(await run(`apkg ${count}`, 'bench.apkg', await buildPackage(ankiInput(count))))
  results.push(await run(`anki21b ${count}`, 'bench.apkg', await buildPackage21b(ankiInput(count))))
  results.push(await run(`tsv ${count}`, 'bench.tsv', tsv(count)))
}
console.log('import through POST /api/v1/decks/{slug}/import, libSQL file, one process')
console.log('input        bytes       cards  reviews   time ms   ms/card   peak RSS +MB   peak RSS MB')
for (const r of results)
  console.log(
    `${r.label.padEnd(12)} ${String(r.bytes).padStart(9)} ${String(r.cards).padStart(8)} ${String(r.reviews).padStart(8)} ${r.ms.toFixed(0).padStart(9)} ${(r.ms / r.cards).toFixed(3).padStart(9)} ${r.peakMb.toFixed(1).padStart(14)} ${r.rssMb.toFixed(1).padStart(13)}`,
  )
