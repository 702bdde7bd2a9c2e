import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * `npm run bench`: every benchmark, one process each so none warms the others' caches, in the
 * order of the issues they answer. Each prints its figures beside its own baseline.
 */
const suites = [
  ['bench/content.ts', 'notes compiler vs bare Markdown parse'],
  ['bench/review.ts', 'review loop over HTTP vs replayed SQL; next card at 10k vs 1M logs'],
  ['bench/progress.ts', 'progress endpoint vs its heaviest query'],
  ['bench/cpu.ts', 'CPU time per request (Workers budget)'],
  ['bench/round-trips.ts', 'database round trips per request, per route, against their budgets'],
] as const

let failed = 0
for (const [file, what] of suites) {
  if (!existsSync(file)) continue
  console.log(`\n===== ${file}: ${what}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
if (existsSync('dist')) spawnSync(process.execPath, ['--import', 'tsx', 'bench/bundle-size.ts'], { stdio: 'inherit' })
process.exit(failed ? 1 : 0)
