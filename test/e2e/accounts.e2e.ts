import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

describe('accounts in a real browser', () => {
  const env = useServerAndBrowser()

  it('signs up, signs out and signs back in with the keyboard', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const email = `e2e-${Date.now()}@example.com`
    await page.goto(`${env.server.origin}/signup`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('correct horse battery staple')
    await page.getByLabel('Password').press('Enter')
    await page.waitForURL(`${env.server.origin}/`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your decks')
    await page.screenshot({ path: screenshotPath('home-signed-in.png'), fullPage: true })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/signin$/)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('wrong password!!')
    // The refusal is a whole page, after a scrypt at the production cost: wait for that page, not
    // for expect.poll's one second, which a loaded machine outlasts.
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
    expect(await page.getByRole('alert').textContent()).toContain('wrong')
    await page.getByLabel('Password').fill('correct horse battery staple')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${env.server.origin}/`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your decks')
    await context.close()
  })
})
