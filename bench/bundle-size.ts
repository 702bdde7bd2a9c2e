import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Prints each Worker bundle's raw and gzip size, and fails when one exceeds 100 KB gzip
 * (issue 14) or when the pages Worker bundles database code. Workers allow 3 MB compressed on
 * the free plan; ours stay far below so each isolate starts fast. `npm run build` runs this
 * after `wrangler deploy --dry-run` of the three bundles: the pages Worker (wrangler.web.toml)
 * and the data Worker in its two builds, D1 (src/worker.ts) and Turso (src/worker-libsql.ts).
 * docs/architecture.md, "The Worker bundles", has what each holds and every cut.
 */
const budget = 100_000
const builds = [
  { name: 'pages (src/worker-web.ts)', dir: 'dist/web', metafile: 'dist/web-meta.json' },
  { name: 'data, D1 (src/worker.ts)', dir: 'dist' },
  { name: 'data, Turso (src/worker-libsql.ts)', dir: 'dist/libsql' },
]
/** What the pages Worker must not hold: it reaches the database only through the data Worker. */
const dataOnly = /node_modules\/(drizzle-orm|@libsql)\/|^src\/(db\/|data\.ts$)/

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
let failed = false
for (const build of builds) {
  if (!existsSync(build.dir)) {
    console.error(`worker bundle ${build.name}: ${build.dir} is missing (run npm run build)`)
    failed = true
    continue
  }
  const files = readdirSync(build.dir).filter((f) => /\.(m?js|wasm)$/.test(f))
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = readFileSync(join(build.dir, file))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  console.log(
    `worker bundle ${build.name}: ${kb(raw)} raw, ${kb(gzip)} gzip = ${gzip} bytes (budget ${budget} bytes, 100 KB)`,
  )
  if (gzip > budget) {
    console.error(`worker bundle ${build.name} is over budget by ${gzip - budget} bytes`)
    failed = true
  }
  if (build.metafile) {
    const meta = JSON.parse(readFileSync(build.metafile, 'utf8')) as { inputs: Record<string, unknown> }
    const leaked = Object.keys(meta.inputs).filter((input) => dataOnly.test(input))
    if (leaked.length) {
      console.error(`worker bundle ${build.name} holds database code: ${leaked.slice(0, 5).join(', ')}`)
      failed = true
    }
  }
}
if (failed) process.exit(1)
