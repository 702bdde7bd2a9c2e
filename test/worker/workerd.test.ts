import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Unstable_DevWorker, unstable_dev } from 'wrangler'

/**
 * The real Worker, bundled by wrangler and run in workerd (through miniflare), with no
 * database configured: it must answer, not crash.
 */
describe('the Worker in workerd', () => {
  let worker: Unstable_DevWorker

  beforeAll(async () => {
    worker = await unstable_dev('src/worker.ts', {
      config: 'wrangler.toml',
      ip: '127.0.0.1',
      logLevel: 'error',
      experimental: { disableExperimentalWarning: true, testMode: true },
    })
  }, 120_000)

  afterAll(async () => {
    await worker?.stop()
  })

  it('answers /healthz with 503 and a reason naming DATABASE_URL', async () => {
    const res = await worker.fetch('/healthz')
    expect(res.status).toBe(503)
    const body = (await res.json()) as { status: string; reason: string }
    expect(body.status).toBe('unavailable')
    expect(body.reason).toContain('DATABASE_URL')
  })

  it('answers an API route with a 503 problem document instead of crashing', async () => {
    const res = await worker.fetch('/api/v1/tokens')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('serves the OpenAPI document and its reference page without a database', async () => {
    const res = await worker.fetch('/api/openapi.json')
    expect(res.status).toBe(200)
    const document = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths).length).toBeGreaterThan(20)
    const docs = await worker.fetch('/api/docs')
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('/review/next')
  })

  it('serves the stylesheet with a CSP on the response', async () => {
    const res = await worker.fetch('/assets/app.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/css/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})
