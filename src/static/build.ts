import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { icon, manifest } from '../views/assets/app-shell'
import { serviceWorkerScript } from '../views/assets/offline'
import { assets, assetVersion } from '../views/assets/registry'
import { headersFile } from './headers'

/** The folder Workers Static Assets upload (`[assets]` in wrangler.toml) and the Node server reads. */
export const staticRoot = 'static'
const versionsFile = join('src', 'views', 'assets', 'versions.json')

/** Whether `static/` has been built (its `_headers` is written last). */
export function staticBuilt(root = staticRoot): boolean {
  return existsSync(join(root, '_headers'))
}

/** Writes a file only when its bytes change: a server may be reading the old one meanwhile. */
function put(path: string, body: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === body) return false
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, body)
  return true
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/**
 * Builds the static folder: the stylesheets and scripts, the service worker, the manifest and
 * icons, the OpenAPI document and the API reference page (both generated here, not at runtime),
 * and `_headers`. Also writes `versions.json`, the cache-busting versions pages link. Files no
 * longer built are removed. Run by `npm start`, `npm test`, `npm run build` and `dev:worker`.
 */
export async function buildStatic(root = staticRoot): Promise<{ files: number; written: number }> {
  const versions = Object.fromEntries(Object.entries(assets).map(([name, asset]) => [name, assetVersion(asset.body)]))
  let written = Number(put(versionsFile, `${JSON.stringify(versions, null, 2)}\n`))
  // Imported only now: the page links versioned URLs, read from versions.json when its module loads.
  const { apiFiles } = await import('./api-files')
  const files = new Map<string, string>([
    ...Object.entries(assets).map(([name, asset]): [string, string] => [`assets/${name}`, asset.body]),
    ['sw.js', serviceWorkerScript],
    ['manifest.webmanifest', manifest],
    ['favicon.ico', icon],
    ['icon.svg', icon],
    ...(await apiFiles()),
    ['_headers', headersFile()],
  ])
  for (const [file, body] of files) written += Number(put(join(root, file), body))
  for (const file of filesUnder(root)) if (!files.has(file)) rmSync(join(root, file))
  return { files: files.size, written }
}
