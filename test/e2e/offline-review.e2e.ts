import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { newContext, useServerAndBrowser } from './harness'

const env = useServerAndBrowser()

describe('offline review on a phone', () => {
  it('answers five cards offline and finds all five in the history exactly once after coming back', async () => {
    const { origin, dbUrl } = env.server
    const context = await newContext(env.browser)
    const page = await context.newPage()
    await page.goto(`${origin}/signup`)
    await page.getByLabel('Email').fill(`offline-${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('correct horse battery staple')
    await page.getByLabel('Password').press('Enter')
    await page.waitForURL(`${origin}/`)

    const manifest = await (await page.request.get(`${origin}/manifest.webmanifest`)).json()
    expect(manifest).toMatchObject({ start_url: '/review', display: 'standalone' })

    // Online: the review page installs the service worker, which keeps today's cards.
    await page.goto(`${origin}/review?deck=docker`)
    await page.evaluate(async () => {
      const never = new Promise((_, fail) =>
        setTimeout(() => fail(new Error('no service worker became active')), 15_000),
      )
      await Promise.race([navigator.serviceWorker.ready, never])
      for (let i = 0; i < 50; i++) {
        if (await caches.match('/api/v1/review/today')) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error('today was not cached')
    })

    await context.setOffline(true)
    await page.goto(`${origin}/review?deck=docker`)
    await page.locator('#offline-review').waitFor()
    const answered: string[] = []
    for (const grade of ['Good', 'Again', 'Easy', 'Hard', 'Good']) {
      await page.getByRole('button', { name: 'Show answer' }).click()
      answered.push((await page.locator('#offline-review').getAttribute('data-card')) ?? '')
      await page.getByRole('button', { name: grade, exact: true }).click()
    }
    expect(new Set(answered).size).toBe(5)
    const db = createClient({ url: dbUrl })
    const before = await db.execute('select count(*) as n from review_logs')
    expect(Number(before.rows[0]?.n)).toBe(0)

    await context.setOffline(false)
    await page.getByText('All answers sent').waitFor({ timeout: 20_000 })
    // A second flush (the interval) must not send them again.
    await page.waitForTimeout(6000)
    const logs = await db.execute('select card_id, origin from review_logs order by reviewed_at')
    expect(logs.rows.map((r) => r.card_id)).toEqual(answered)
    const exported = (await (await page.request.get(`${origin}/api/v1/reviews/export?format=json`)).json()) as {
      cardId: string
    }[]
    expect(exported.map((l) => l.cardId).sort()).toEqual([...answered].sort())
    db.close()
    await context.close()
  })
})
