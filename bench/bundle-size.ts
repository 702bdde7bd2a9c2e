import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Prints the Worker bundle's raw and gzip size, and fails when gzip exceeds the budget.
 * Workers allow 3 MB compressed on the free plan; our own budget is far below that so the
 * isolate starts fast. `npm run build` runs this after `wrangler deploy --dry-run`.
 */
/**
 * 175 KiB since 2026-11-29: the features landed that day (own decks, offline review, account
 * pages, the CLI-aware comparer, blueprint exams) took the bundle from 146.5 to 170.7 KiB. The way
 * back under 100 KiB is issue 14's unfinished cut: CSS/JS strings (31 KB raw) and a prebuilt
 * OpenAPI document to Workers Static Assets, dropping the OpenAPI generator (27 KB raw).
 */
const budgetBytes = 175 * 1024
const dir = process.argv[2] ?? 'dist'
const files = readdirSync(dir).filter((f) => /\.(m?js|wasm)$/.test(f))
let raw = 0
let gzip = 0
for (const file of files) {
  const bytes = readFileSync(join(dir, file))
  raw += bytes.length
  gzip += gzipSync(bytes, { level: 9 }).length
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log(`worker bundle: ${files.join(', ')}: ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(budgetBytes)} gzip)`)
if (gzip > budgetBytes) {
  console.error(`worker bundle is over budget by ${kb(gzip - budgetBytes)}`)
  process.exit(1)
}
