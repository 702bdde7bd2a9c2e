import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

// 2026-03-10 20:30 in Los Angeles (PDT, UTC-7): an evening session, already the next UTC date.
const EVENING_IN_LOS_ANGELES = '2026-03-11T03:30:00Z'

async function signUp(page: Page, origin: string) {
  await page.goto(`${origin}/signup`)
  await page.getByLabel('Email').fill(`ahead-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('Password').press('Enter')
  await page.waitForURL(`${origin}/`)
}

const shownCard = async (page: Page) => (await page.locator('.review').getAttribute('data-card')) ?? ''

/** Reveals the card shown and answers it with the grade key, waiting for the next page. */
async function answer(page: Page, key: string): Promise<string> {
  const card = await shownCard(page)
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')])
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)])
  return card
}

describe('the end of a review session in Chromium', () => {
  const env = useServerAndBrowser({ CLOCK_START: EVENING_IN_LOS_ANGELES })

  it('ends an evening session in Los Angeles with learn-ahead cards, then refreshes itself to the next card', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    await signUp(page, env.server.origin)
    // Steps of 1 and 2 minutes with a 1-minute learn-ahead keep the wait to about a minute.
    const settings = await page.request.put(`${env.server.origin}/api/v1/settings`, {
      data: {
        timezone: 'America/Los_Angeles',
        newCardsPerDay: 2,
        learningSteps: ['1m', '2m'],
        learnAheadMinutes: 1,
        fuzz: false,
      },
    })
    expect(settings.status()).toBe(200)

    await page.goto(`${env.server.origin}/review?deck=docker`)
    const first = await answer(page, '1') // Again: due in 1 minute
    const second = await answer(page, '1')
    // No new card is left; the two learning cards are due within the learn-ahead limit, so
    // they are shown now instead of "come back in 1 minute".
    expect(await answer(page, '3')).toBe(first) // Good: the 2-minute step
    expect(await answer(page, '3')).toBe(second)

    await expect.poll(() => page.locator('.review').getAttribute('data-side')).toBe('done')
    expect(await page.locator('#next-due').textContent()).toContain('The next card is due in 2 minutes.')
    const refreshIn = Number(await page.locator('#next-due').getAttribute('data-refresh-in'))
    expect(refreshIn).toBeGreaterThan(40)
    expect(refreshIn).toBeLessThanOrEqual(62)
    await page.screenshot({ path: screenshotPath('review-waiting.png'), fullPage: true })

    // Nobody touches the page: it reloads itself when the first card enters the learn-ahead window.
    await page.waitForSelector('.review[data-side="question"]', { timeout: (refreshIn + 20) * 1000 })
    expect(await shownCard(page)).toBe(first)
    await context.close()
  })
})
