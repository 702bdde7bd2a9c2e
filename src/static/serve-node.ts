import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { staticBuilt, staticRoot } from './build'
import { headersFor } from './headers'

/**
 * The Node server's half of Workers Static Assets: serves the files of `static/` at the same
 * URLs (`api/docs.html` at `/api/docs`) with the same headers (`staticRules`). The file list is
 * read once, so other requests skip the file system.
 */
export function staticFolder(root = staticRoot): MiddlewareHandler<AppEnv> {
  if (!staticBuilt(root)) throw new Error(`${root}/ is not built: run \`npm run static\``)
  const files = new Map<string, string>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '_headers') continue
    const file = `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`
    files.set(file.replace(/\.html$/, ''), file)
  }
  const serve = serveStatic<AppEnv>({ root, rewriteRequestPath: (path) => files.get(path) ?? path })
  return async (c, next) => {
    if (!files.has(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next()
    const res = await serve(c, next)
    if (res) for (const [name, value] of Object.entries(headersFor(c.req.path))) res.headers.set(name, value)
    return res
  }
}
