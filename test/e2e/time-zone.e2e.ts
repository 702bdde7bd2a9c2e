import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

// 2026-04-05 02:00 NZDT in Auckland, an hour before clocks go back to 02:00 NZST (at 14:00 UTC).
const NIGHT_IN_AUCKLAND = '2026-04-04T13:00:00Z'
const password = 'correct horse battery staple'

async function signIn(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${origin}/`)
}

describe('the time zone in Chromium', () => {
  const env = useServerAndBrowser({ CLOCK_START: NIGHT_IN_AUCKLAND })

  it('signs up in Auckland, shows an exam’s end and a check window there, and offers Los Angeles’ zone in Los Angeles', async () => {
    const origin = env.server.origin
    const email = `akl-${Date.now()}@example.com`
    const auckland = await newContext(env.browser, { timezoneId: 'Pacific/Auckland' })
    const page = await auckland.newPage()

    // Sign-up: the script selects the browser's zone in the form's select.
    await page.goto(`${origin}/signup`)
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('Pacific/Auckland')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.waitForURL(`${origin}/`)
    const settings = await (await page.request.get(`${origin}/api/v1/settings`)).json()
    expect(settings.timezone).toBe('Pacific/Auckland')

    // A 90-minute exam started at 02:00 NZDT ends after clocks go back: at 02:30 NZST, not 03:30.
    const started = await page.request.post(`${origin}/api/v1/exams`, {
      data: { deck: 'docker', format: 'mcq', questionCount: 5, minutes: 90 },
    })
    expect(started.status()).toBe(201)
    const exam = await started.json()
    await page.goto(`${origin}/exams/${exam.id}?q=1`)
    await expect.poll(() => page.locator('.countdown').textContent()).toContain('(ends 02:30)')

    // A check window typed into the team page's datetime-local inputs, read and shown in Auckland.
    const team = await (await page.request.post(`${origin}/api/v1/teams`, { data: { name: 'Ops' } })).json()
    await page.goto(`${origin}/teams/${team.id}`)
    await page.getByLabel('Title').fill('Networking')
    await page.getByLabel('Opens at (optional)').fill('2026-04-05T09:00')
    await page.getByLabel('Closes at (optional)').fill('2026-04-06T09:00')
    await page.getByRole('button', { name: 'Create check' }).click()
    await page.waitForURL(/\/checks\/[\w-]+$/)
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('This check opens at 5 Apr 2026, 09:00 GMT+12.')
    const check = await (await page.request.get(`${page.url().replace('/checks/', '/api/v1/checks/')}`)).json()
    expect(check.opensAt).toBe('2026-04-04T21:00:00.000Z')
    expect(check.closesAt).toBe('2026-04-05T21:00:00.000Z')
    await page.screenshot({ path: screenshotPath('check-window-auckland.png'), fullPage: true })

    // In Auckland the settings page has nothing to offer.
    await page.goto(`${origin}/settings`)
    expect(await page.locator('[data-timezone-offer]').isHidden()).toBe(true)
    await auckland.close()

    // The same learner on a laptop in Los Angeles is offered that zone, and takes it.
    const losAngeles = await newContext(env.browser, { timezoneId: 'America/Los_Angeles' })
    const laptop = await losAngeles.newPage()
    await signIn(laptop, origin, email)
    await laptop.goto(`${origin}/settings`)
    const offer = laptop.locator('[data-timezone-offer]')
    await expect.poll(() => offer.isVisible()).toBe(true)
    expect(await offer.textContent()).toContain(
      'Your browser is in America/Los_Angeles, but your study days follow Pacific/Auckland.',
    )
    await laptop.getByRole('button', { name: 'Use America/Los_Angeles' }).click()
    await laptop.waitForURL(`${origin}/settings?saved=1`)
    expect(await laptop.getByLabel('Time zone').inputValue()).toBe('America/Los_Angeles')
    expect(await offer.isHidden()).toBe(true)
    // The check window now reads on Los Angeles' clock (PDT, UTC-7).
    await laptop.goto(`${origin}/teams/${team.id}`)
    expect(await laptop.locator('main').textContent()).toContain('Opens 4 Apr 2026, 14:00 GMT-7')
    await losAngeles.close()
  })
})
