import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

async function signUp(context: BrowserContext, origin: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${origin}/signup`)
  await page.getByLabel('Email').fill(`${name.toLowerCase()}-${Date.now()}@example.com`)
  await page.getByLabel('Name (optional)').fill(name)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.waitForURL(`${origin}/`)
  return page
}

/** Answers every question with its first or its last option, and a wrong command for type-in ones. */
async function takeCheck(page: Page, pick: 'first' | 'last') {
  const questions = page.locator('fieldset.question')
  const count = await questions.count()
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i)
    const typed = question.locator('input[type=text], input:not([type])')
    if ((await typed.count()) > 0) {
      await typed.fill('docker ps')
      continue
    }
    const radios = question.locator('input[type=radio]')
    await (pick === 'first' ? radios.first() : radios.last()).check()
  }
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await page.getByRole('heading', { name: 'Your result' }).waitFor()
}

describe('team knowledge checks in a real browser', () => {
  const env = useServerAndBrowser()

  it('lets an owner create a team and a check, members take it, and the owner read the results', async () => {
    const origin = env.server.origin
    const ownerContext = await newContext(env.browser)
    const owner = await signUp(ownerContext, origin, 'Olivia')
    const errors: string[] = []
    owner.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await owner.goto(`${origin}/teams`)
    await owner.getByLabel('Team name').fill('Platform team')
    await owner.getByRole('button', { name: 'Create team' }).click()
    await owner.getByRole('heading', { level: 1, name: 'Platform team' }).waitFor()

    await owner.getByLabel('Title').fill('Docker before the migration')
    await owner.getByLabel('Questions').fill('8')
    await owner.getByRole('button', { name: 'Create check' }).click()
    await owner.waitForURL(/\/checks\/[\w-]+$/)
    const checkUrl = owner.url()

    const members = [
      { name: 'Max', javaScript: true },
      { name: 'Ida', javaScript: false },
    ]
    for (const [i, member] of members.entries()) {
      await owner.goto(checkUrl.replace(/\/checks\/.*/, '/teams'))
      await owner.getByRole('link', { name: 'Platform team' }).click()
      await owner.getByRole('button', { name: /invite link|another link/ }).click()
      const inviteUrl = await owner.getByLabel(/Send this link/).inputValue()
      expect(inviteUrl).toMatch(/\/invites\/[\w-]{22}$/)
      if (i === 1) await owner.screenshot({ path: screenshotPath('team-page.png'), fullPage: true })
      const context = await newContext(env.browser, { javaScriptEnabled: member.javaScript })
      const page = await signUp(context, origin, member.name)
      await page.goto(new URL(inviteUrl, origin).href) // relative without PUBLIC_ORIGIN
      await page.getByRole('button', { name: 'Join Platform team' }).click()
      await page.getByRole('link', { name: 'Docker before the migration' }).click()
      expect(await page.locator('fieldset.question').count()).toBe(8)
      if (i === 0) await page.screenshot({ path: screenshotPath('team-check-take.png'), fullPage: true })
      await takeCheck(page, i === 0 ? 'first' : 'last')
      expect(await page.locator('.score-big').textContent()).toMatch(/^\d of 8 \(\d+%\)$/)
      if (i === 0) await page.screenshot({ path: screenshotPath('team-check-result.png'), fullPage: true })
      await context.close()
    }

    await owner.goto(`${checkUrl}/results`)
    await owner.getByRole('heading', { name: 'Team average by topic' }).waitFor()
    expect(await owner.locator('#by-member ~ .chart .label').allTextContents()).toEqual(['Max', 'Ida'])
    expect(await owner.getByRole('heading', { name: /Not submitted/ }).textContent()).toBe('Not submitted (1)')
    await owner.screenshot({ path: screenshotPath('team-results.png'), fullPage: true })
    const csv = await owner.request.get(`${checkUrl.replace('/checks/', '/api/v1/checks/')}/results?format=csv`)
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^name,email,submitted_at,correct,total,score_percent,/)
    await owner.goto(`${origin}/api/docs`)
    await owner.getByRole('heading', { level: 1, name: 'API reference' }).waitFor()
    await owner.screenshot({ path: screenshotPath('api-docs.png') })
    expect(errors).toEqual([])

    const cookies = await ownerContext.cookies()
    await ownerContext.close()
    const dark = await env.browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 } })
    await dark.addCookies(cookies)
    const phone = await dark.newPage()
    await phone.goto(`${checkUrl}/results`)
    await phone.screenshot({ path: screenshotPath('team-results-phone-dark.png'), fullPage: true })
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await dark.close()
  })
})
