import { transform } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { createTestApp, signUp } from '../helpers/app'

/** The pages whose scripts a browser runs: every script they name must at least parse. */
const pages = ['/', '/review', '/review/offline', '/exams', '/quiz', '/progress', '/teams', '/settings', '/account']

/**
 * A script that does not parse fails silently in a browser (the service worker never installed
 * and offline review never worked, with every page still rendering): so parse each one here.
 */
describe('the scripts the pages and the service worker run', () => {
  it('all parse as JavaScript: modules as modules, the service worker as a classic script', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const scripts = new Set<string>()
    for (const page of pages) {
      const html = await (await browser.request(page)).text()
      for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g))
        if (src) scripts.add(src.replaceAll('&amp;', '&'))
    }
    expect(scripts.size).toBeGreaterThanOrEqual(2)
    for (const src of scripts) {
      const res = await browser.request(src)
      expect(res.status, src).toBe(200)
      await expect(transform(await res.text(), { loader: 'js', format: 'esm' }), src).resolves.toBeDefined()
    }
    const worker = await browser.request('/sw.js')
    expect(worker.status).toBe(200)
    await expect(transform(await worker.text(), { loader: 'js', format: 'iife' })).resolves.toBeDefined()
  })
})
