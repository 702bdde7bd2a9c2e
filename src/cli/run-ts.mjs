#!/usr/bin/env node
/**
 * Runs a TypeScript CLI entry (`node src/cli/run-ts.mjs src/cli/content.ts check`) from a
 * bundle esbuild writes once per change of `src/`, instead of through tsx, whose start-up and
 * per-file transforms took most of `content:check`'s time (issue 16). Packages stay external,
 * so Node loads them as usual.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
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

const stamp = sourceStamp(join(root, 'src'), createHash('sha256').update(entry)).digest('hex').slice(0, 16)
const cache = join(root, 'node_modules', '.cache', 'dockdeck')
const bundle = join(cache, `${entry.replace(/[^\w]+/g, '-')}-${stamp}.mjs`)
if (!existsSync(bundle)) {
  mkdirSync(cache, { recursive: true })
  const { build } = await import('esbuild')
  await build({
    entryPoints: [resolve(root, entry)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
}
await import(pathToFileURL(bundle).href)
