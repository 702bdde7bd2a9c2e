import { createClient } from '@libsql/client'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

const grades = ['1', '2', '3', '4', '3', '3', '4', '2', '3', '1']

// The counts these tests follow start over with the learner's study day (04:00 in their zone),
// so on the machine's own clock and zone a run across that hour would see them jump. The server's
// clock starts at noon, and the browser, whose zone sign-up takes, is in UTC: hours to spare.
const NOON_UTC = '2026-01-15T12:00:00Z'
const timezoneId = 'UTC'

/** Remaining cards as the review header says ("12 left"). */
async function left(page: Page): Promise<number> {
  return Number.parseInt((await page.locator('#left-count').textContent()) ?? '', 10)
}

async function cardShown(page: Page): Promise<string> {
  return (await page.locator('.review').getAttribute('data-card')) ?? ''
}

/** Due plus new-today of the deck, as the home page shows it. */
async function homeCount(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/`)
  const due = Number(await page.locator('.deck [data-count="due"]').first().textContent())
  const fresh = Number(await page.locator('.deck [data-count="new"]').first().textContent())
  return due + fresh
}

async function signUp(page: Page, origin: string) {
  await page.goto(`${origin}/signup`)
  await page.getByLabel('Email').fill(`review-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('Password').press('Enter')
  await page.waitForURL(`${origin}/`)
  // Without learn-ahead, each answer takes its card out of today's count, which the tests follow.
  const res = await page.request.put(`${origin}/api/v1/settings`, {
    headers: { origin, 'content-type': 'application/json' },
    data: JSON.stringify({ learnAheadMinutes: 0 }),
  })
  if (!res.ok()) throw new Error(`settings: ${res.status()} ${await res.text()}`)
}

/** Milliseconds from the request of the current page to its load event (Navigation Timing). */
async function revealTiming(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return entry ? entry.loadEventEnd - entry.requestStart : Number.NaN
  })
}

/** Presses a key that navigates, and waits for the next page to load. */
async function press(page: Page, key: string) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)])
}

/** Presses Tab until the focused control's text contains `text` (keyboard only, no clicks). */
async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 40; i++) {
    const focused = await page.evaluate(() => {
      const active = document.activeElement
      return active && active !== document.body ? (active.textContent ?? '') : ''
    })
    if (focused.includes(text)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`no control "${text}" reachable with Tab`)
}

describe('daily review in a real browser', () => {
  const env = useServerAndBrowser({ CLOCK_START: NOON_UTC })

  for (const javaScriptEnabled of [true, false]) {
    const how = javaScriptEnabled ? 'shortcut keys' : 'Tab and Enter with JavaScript off'
    it(`reviews ten cards, undoes one and checks a typed command with ${how}`, async () => {
      const context = await newContext(env.browser, { javaScriptEnabled, timezoneId })
      const page = await context.newPage()
      await signUp(page, env.server.origin)
      const before = await homeCount(page, env.server.origin)
      expect(before).toBeGreaterThan(10)
      await page.goto(`${env.server.origin}/review?deck=docker`)
      let graded = ''
      const timings: number[] = []
      for (const [i, grade] of grades.entries()) {
        const remaining = await left(page)
        graded = await cardShown(page)
        await press(page, i % 2 ? 'Space' : 'Enter')
        expect(page.url()).toMatch(/\/review\/answer\?/)
        timings.push(await revealTiming(page))
        expect(await page.locator('.review').getAttribute('data-side')).toBe('answer')
        if (javaScriptEnabled) await press(page, grade)
        else {
          await tabTo(page, ['Again', 'Hard', 'Good', 'Easy'][Number(grade) - 1]!)
          await press(page, 'Enter')
        }
        expect(page.url()).toMatch(/\/review\?deck=docker$/)
        expect(await left(page)).toBeLessThan(remaining + (grade === '1' ? 1 : 0))
      }
      timings.sort((a, b) => a - b)
      console.info(
        `reveal, ${how}: median ${timings[5]?.toFixed(1)} ms, max ${timings[9]?.toFixed(1)} ms to the load event`,
      )
      if (javaScriptEnabled) await press(page, 'u')
      else {
        await tabTo(page, 'Undo last')
        await press(page, 'Enter')
      }
      expect(page.url()).toMatch(/notice=undone/)
      expect(await cardShown(page)).toBe(graded)
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('undone')
      if (javaScriptEnabled) {
        // Bury it (B), then Ctrl+Z, Anki's undo, brings it back.
        await press(page, 'b')
        expect(await cardShown(page)).not.toBe(graded)
        await press(page, 'Control+z')
        expect(page.url()).toMatch(/notice=undone-action/)
        expect(await cardShown(page)).toBe(graded)
      }

      // Type-in cards live in the cli topic: bury the others (B) until one comes up.
      await page.goto(`${env.server.origin}/review?deck=docker&topic=cli`)
      for (let i = 0; i < 40 && (await page.locator('#typed').count()) === 0; i++) {
        if (javaScriptEnabled) await press(page, 'b')
        else {
          await tabTo(page, 'Bury')
          await press(page, 'Enter')
        }
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('typed')
      await page.keyboard.type('docker  Version')
      await press(page, 'Enter')
      expect(page.url()).toMatch(/typed=docker/)
      expect(await page.locator('.typed-verdict').textContent()).toMatch(/matches|differs/)
      expect(await page.locator('.typed-text').textContent()).toBe('docker  Version')
      if (javaScriptEnabled) {
        await press(page, 'e')
        expect(page.url()).toMatch(/\/decks\/docker\/notes\/cli#[\w-]+$/)
        await page.goBack()
      }
      await press(page, javaScriptEnabled ? '3' : 'Enter')
      expect(page.url()).toMatch(/\/review\?deck=docker&topic=cli$/)

      expect(await homeCount(page, env.server.origin)).toBeLessThan(before)
      await context.close()
    })
  }

  it('reveals with Space and grades with a number key even when focus left the buttons', async () => {
    const context = await newContext(env.browser, { timezoneId })
    const page = await context.newPage()
    await signUp(page, env.server.origin)
    await page.goto(`${env.server.origin}/review?deck=docker`)
    const card = await cardShown(page)
    await page.locator('.review-card').click()
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
    await press(page, 'Space')
    expect(await cardShown(page)).toBe(card)
    expect(await page.locator('.review').getAttribute('data-side')).toBe('answer')
    await page.locator('.review-card').click()
    await press(page, '4')
    expect(await cardShown(page)).not.toBe(card)
    await context.close()
  })

  it('records how long each answer took only when JavaScript measures it', async () => {
    const client = createClient({ url: env.server.dbUrl })
    const rows = await client.execute('select duration_ms from review_logs where undone_at is null')
    client.close()
    const timed = rows.rows.filter((r) => r.duration_ms !== null)
    expect(timed.length).toBeGreaterThanOrEqual(10)
    expect(rows.rows.length - timed.length).toBeGreaterThanOrEqual(10)
    for (const row of timed) expect(Number(row.duration_ms)).toBeGreaterThan(0)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`renders the answer side of a type-in card in ${colorScheme} mode`, async () => {
      const context = await newContext(env.browser, { colorScheme, timezoneId })
      const page = await context.newPage()
      await signUp(page, env.server.origin)
      await page.goto(`${env.server.origin}/review?deck=docker&topic=cli`)
      for (let i = 0; i < 40 && (await page.locator('#typed').count()) === 0; i++) {
        await press(page, 'b')
      }
      await page.screenshot({ path: screenshotPath(`review-${colorScheme}-question.png`), fullPage: true })
      await page.keyboard.type('docker run -help')
      await press(page, 'Enter')
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 23, 27)' : 'rgb(251, 250, 247)')
      await page.screenshot({ path: screenshotPath(`review-${colorScheme}.png`), fullPage: true })
      await page.setViewportSize({ width: 375, height: 760 })
      await page.screenshot({ path: screenshotPath(`review-${colorScheme}-phone.png`), fullPage: true })
      await context.close()
    })
  }
})
