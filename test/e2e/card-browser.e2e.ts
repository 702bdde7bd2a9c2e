import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServerAndBrowser } from './harness'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
      .axe
    return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`)
  })
}

/** Presses Tab until the focused control is `selector`'s element (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 60; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press(key)
  }
  throw new Error(`Tab never reached ${selector}`)
}

describe('the card browser in Chromium', () => {
  const env = useServerAndBrowser()

  it('searches the shipped deck, suspends a card from the keyboard, and undoes it', async () => {
    const { origin } = env.server
    // bypassCSP only lets the test inject axe-core; the pages' own CSP is tested elsewhere.
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${origin}/signup`)
    await page.getByLabel('Email').fill(`cards-${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('correct horse battery staple')
    await page.getByLabel('Password').press('Enter')
    await page.waitForURL(`${origin}/`)

    await page.getByRole('link', { name: 'Cards', exact: true }).click()
    await page.waitForURL(`${origin}/cards`)
    expect(await axeViolations(page)).toEqual([])

    await page.getByLabel('Search prompts and answers').fill('containerd')
    await Promise.all([page.waitForURL(/\/cards\?q=containerd/), page.keyboard.press('Enter')])
    const rows = page.locator('table.cards-table tbody tr')
    expect(await rows.count()).toBeGreaterThan(0)
    const heading = (await page.locator('#results-heading').textContent()) ?? ''
    const found = Number.parseInt(heading, 10)
    expect(found).toBeGreaterThan(0)

    // Keyboard only: Tab to the first checkbox, Space ticks it, Shift+Tab back to Suspend, Enter.
    const first = rows.first().locator('input[type=checkbox]')
    const id = await first.getAttribute('value')
    await tabTo(page, 'table.cards-table tbody tr:first-child input[type=checkbox]')
    await page.keyboard.press('Space')
    expect(await first.isChecked()).toBe(true)
    await tabTo(page, 'button[value=suspend]', 'Shift+Tab')
    await Promise.all([page.waitForURL(/action=/), page.keyboard.press('Enter')])
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Suspended 1 card.')
    const suspendedRow = page.locator(`tr:has(input[value="${id}"])`)
    expect(await suspendedRow.textContent()).toContain('suspended')

    await page.goto(`${origin}/cards?state=suspended`)
    expect(await page.locator('#results-heading').textContent()).toBe('1 card')
    await page.goBack()

    await Promise.all([page.waitForURL(/action=/), page.getByRole('button', { name: 'Undo' }).click()])
    expect(await page.getByRole('status').textContent()).toContain('Undone: 1 card back as they were.')
    expect(await page.locator(`tr:has(input[value="${id}"])`).textContent()).not.toContain('suspended')
    await page.goto(`${origin}/cards?state=suspended`)
    expect(await page.locator('#results-heading').textContent()).toBe('0 cards')

    await page.goto(`${origin}/cards/${id}`)
    expect(await page.locator('h1').textContent()).toBe('Card')
    expect(await page.locator('#history-heading').textContent()).toBe('History · 0 answers')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
