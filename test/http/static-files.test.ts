import { describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'

/** The Node server serves `static/` as Workers Static Assets do: same URLs, same headers. */
describe('the static files on Node', () => {
  it('serves the stylesheet a page links, at its versioned URL, cached for a year', async () => {
    const { app } = await createTestApp()
    const page = await (await app.request('/signin')).text()
    const href = /href="(\/assets\/app\.css\?v=[a-z0-9]+)"/.exec(page)?.[1]
    expect(href).toBeDefined()
    const res = await app.request(href as string)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/css/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await res.text()).toContain('body')
  })

  it('serves the service worker with the header that lets it control the whole site', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('service-worker-allowed')).toBe('/')
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers a missing asset with the app 404, and a write to a file path is not a file read', async () => {
    const { app } = await createTestApp()
    expect((await app.request('/assets/nothing.css')).status).toBe(404)
    const post = await app.request('/assets/app.css', { method: 'POST' })
    expect(post.status).not.toBe(200)
  })
})
