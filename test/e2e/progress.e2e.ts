import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertHistory, simulateHistory } from '../../bench/progress'
import { connectDatabase } from '../../src/db/connect'
import { cards, users } from '../../src/db/schema'
import { launchBrowser, newContext, type Server, screenshotPath, startServer } from './harness'

const DAY = 86_400_000

describe('the progress dashboard in a real browser', () => {
  let server: Server
  let browser: Browser
  const email = `progress-${Date.now()}@example.com`
  const password = 'a long and unusual passphrase 42'
  let session: Awaited<ReturnType<BrowserContext['storageState']>>

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** Fails the test on any console error, CSP violations included. */
  function watchConsole(page: Page): string[] {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        errors.push(`${response.status()} ${response.url()}`)
    })
    return errors
  }

  it('shows a new user the empty state, with the way to a first review', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const errors = watchConsole(page)
    await page.goto(`${server.origin}/signup`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByLabel('Password').press('Enter')
    await page.waitForURL(`${server.origin}/`)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click()
    await page.waitForURL(`${server.origin}/progress`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your progress')
    expect(await page.getByRole('heading', { name: 'No reviews yet' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Start your first review' }).getAttribute('href')).toBe('/review')
    await page.screenshot({ path: screenshotPath('progress-empty.png'), fullPage: true })
    expect(errors).toEqual([])
    session = await context.storageState()
    await context.close()
  })

  it('draws a year of history in light and dark, each chart with a title and a table', async () => {
    const { db, close } = await connectDatabase({ url: server.dbUrl })
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    const ids = (await db.select({ id: cards.id, position: cards.position }).from(cards))
      .sort((a, b) => (a.position % 1000) - (b.position % 1000) || a.position - b.position)
      .map((c) => c.id)
    const start = Math.floor(Date.now() / DAY) * DAY - 365 * DAY
    const history = simulateHistory({ userId: user!.id, cardIds: ids, start, days: 365, newPerDay: 4, skipRate: 0.08 })
    await insertHistory(db, history)
    close()

    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        storageState: session,
        colorScheme: scheme,
        viewport: { width: 1000, height: 800 },
      })
      const page = await context.newPage()
      const errors = watchConsole(page)
      await page.goto(`${server.origin}/progress`)
      expect(await page.getByRole('img').count()).toBe(4)
      for (const name of ['Reviews per day', 'Cards due, next 30 days', 'True retention per week', 'Recall by topic'])
        expect(await page.getByRole('img', { name: new RegExp(name) }).isVisible()).toBe(true)
      expect(await page.locator('.chart-heatmap rect title').count()).toBe(365)
      const tiles = await page.locator('.tile .figure').allTextContents()
      expect(tiles).toHaveLength(4)
      expect(tiles[1]).toMatch(/^\d+ days?$/)
      await page.getByText('Recall by topic as a table').click()
      expect(await page.getByRole('rowheader').count()).toBeGreaterThan(0)
      await page.screenshot({
        path: screenshotPath(scheme === 'light' ? 'progress.png' : 'progress-dark.png'),
        fullPage: true,
      })
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('fits a phone without the page scrolling sideways', async () => {
    const context = await browser.newContext({
      storageState: session,
      viewport: { width: 375, height: 740 },
      isMobile: true,
    })
    const page = await context.newPage()
    await page.goto(`${server.origin}/progress`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: screenshotPath('progress-phone.png'), fullPage: true })
    await context.close()
  })
})
