import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { serviceWorkerScript } from '../views/assets/offline'
import { getAsset } from '../views/assets/registry'

/** `/assets/:name`: the bundled stylesheet and scripts, cached for a year (URLs carry a version). */
export const assetRoutes = new Hono<AppEnv>().get('/:name', (c) => {
  const asset = getAsset(c.req.param('name'))
  if (!asset) throw new AppError(404, 'not_found', 'no such asset')
  c.header('content-type', asset.type)
  c.header('cache-control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache')
  return c.body(asset.body)
})

/** A small dockdeck mark; `/favicon.ico` is asked for by every browser whatever the page links. */
const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b5cad"/>' +
  '<path d="M14 20h24v6H14zm0 10h36v6H14zm0 10h28v6H14z" fill="#fff"/></svg>'

export const faviconRoute = new Hono<AppEnv>().get('/', (c) => {
  c.header('content-type', 'image/svg+xml')
  c.header('cache-control', 'public, max-age=86400')
  return c.body(icon)
})

/** The icon the installed app shows. */
export const iconRoute = new Hono<AppEnv>().get('/', (c) => {
  c.header('content-type', 'image/svg+xml')
  c.header('cache-control', 'public, max-age=86400')
  return c.body(icon)
})

/** The web app manifest: installing dockdeck opens the review. @see https://www.w3.org/TR/appmanifest/ */
const manifest = JSON.stringify({
  name: 'dockdeck',
  short_name: 'dockdeck',
  description: 'Docker flashcards and mock exams, reviewable offline',
  start_url: '/review',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b5cad',
  icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
})

export const manifestRoute = new Hono<AppEnv>().get('/', (c) => {
  c.header('content-type', 'application/manifest+json')
  c.header('cache-control', 'no-cache')
  return c.body(manifest)
})

/** The service worker at the root, so its scope covers `/review`; revalidated on every check. */
export const serviceWorkerRoute = new Hono<AppEnv>().get('/', (c) => {
  c.header('content-type', 'text/javascript; charset=utf-8')
  c.header('cache-control', 'no-cache')
  c.header('service-worker-allowed', '/')
  return c.body(serviceWorkerScript)
})
