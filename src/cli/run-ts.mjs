#!/usr/bin/env node
/**
 * Runs a TypeScript CLI entry (`node src/cli/run-ts.mjs src/cli/content.ts check`) from a
 * bundle esbuild writes once per change of `src/`, instead of through tsx, whose start-up and
 * per-file transforms took most of `content:check`'s time (issue 16). Packages stay external,
 * so Node loads them as usual.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const [entry] = process.argv.splice(2, 1)
if (!entry) {
  console.error('usage: node src/cli/run-ts.mjs <entry.ts> [args…]')
  process.exit(2)
}

/** Every source file's path, size and modification time: a change to any of them rebuilds. */
function sourceStamp(dir, hash) {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    if (item.isDirectory()) sourceStamp(path, hash)
    else if (/\.tsx?$/.test(item.name)) {
      const { size, mtimeMs } = statSync(path)
      hash.update(`${relative(root, path)}\0${size}\0${mtimeMs}\n`)
    }
  }
  return hash
}

// The stamp also covers this file (the build options) and the lock file (bundled packages).
const hash = createHash('sha256').update(entry)
for (const file of [fileURLToPath(import.meta.url), join(root, 'package-lock.json')]) {
  if (existsSync(file)) hash.update(`${statSync(file).size}\0${statSync(file).mtimeMs}\n`)
}
const stamp = sourceStamp(join(root, 'src'), hash).digest('hex').slice(0, 16)
const cache = join(root, 'node_modules', '.cache', 'dockdeck')
const outdir = join(cache, `${entry.replace(/[^\w]+/g, '-')}-${stamp}`)
const bundle = join(outdir, 'main.mjs')
if (!existsSync(bundle)) {
  mkdirSync(cache, { recursive: true })
  // Older builds of the same entry are stale for good: keep the cache from growing.
  const prefix = `${entry.replace(/[^\w]+/g, '-')}-`
  for (const old of readdirSync(cache))
    if (old.startsWith(prefix)) rmSync(join(cache, old), { recursive: true, force: true })
  const { build } = await import('esbuild')
  await build({
    entryPoints: { main: resolve(root, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Dynamic imports become their own chunks, so `check` never loads the database driver.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Pure-JS packages are bundled too: resolving and loading the Markdown stack's ~200 small
    // ESM files took a fifth of `content:check`. Native or self-locating ones stay external.
    external: ['@libsql/*', 'libsql', 'esbuild', 'drizzle-orm', 'drizzle-kit', '@open-spaced-repetition/*'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  })
}
await import(pathToFileURL(bundle).href)
