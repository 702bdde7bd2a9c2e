import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { getAsset } from '../views/assets/registry'

/** `/assets/:name`: the bundled stylesheet and scripts, cached for a year (URLs carry a version). */
export const assetRoutes = new Hono<AppEnv>().get('/:name', (c) => {
  const asset = getAsset(c.req.param('name'))
  if (!asset) throw new AppError(404, 'not_found', 'no such asset')
  c.header('content-type', asset.type)
  c.header('cache-control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache')
  return c.body(asset.body)
})
