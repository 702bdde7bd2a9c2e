import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, useServerAndBrowser } from './harness'

async function signUp(context: BrowserContext, origin: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${origin}/signup`)
  await page.getByLabel('Email').fill(`${name.toLowerCase()}-${Date.now()}@example.com`)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('Password').press('Enter')
  await page.waitForURL(`${origin}/`)
  return page
}

async function createDeck(page: Page, origin: string, name: string) {
  await page.goto(`${origin}/decks`)
  await page.getByLabel('Deck name').fill(name)
  await page.getByRole('button', { name: 'Create deck' }).click()
  await page.waitForURL(/\/decks\/[\w-]+\/notes$/)
}

/** The card's page in the card browser, found by searching its prompt: its history heading. */
async function historyOf(page: Page, origin: string, words: string) {
  await page.goto(`${origin}/cards`)
  await page.getByLabel('Search prompts and answers').fill(words)
  await Promise.all([page.waitForURL(/\/cards\?q=/), page.keyboard.press('Enter')])
  await page.locator('table.cards-table tbody tr a').first().click()
  await page.waitForURL(/\/cards\/[^/?]+$/)
  return (await page.locator('#history-heading').textContent()) ?? ''
}

describe('own decks in Chromium: notes in, study, card browser, Anki out and into another account', () => {
  const env = useServerAndBrowser()

  it('creates a deck, uploads two notes, edits one, reviews, finds the card, exports .apkg and imports it elsewhere', async () => {
    const { origin } = env.server
    const dir = mkdtempSync(join(tmpdir(), 'own-deck-e2e-'))
    const ports = join(dir, 'ports.md')
    const volumes = join(dir, 'volumes.md')
    writeFileSync(
      ports,
      'Which flag publishes a port? :: -p host:container\n\nWhat lists running containers? :: docker ps\n',
    )
    writeFileSync(volumes, 'Where do named volumes live? :: /var/lib/docker/volumes\n')

    const ada = await newContext(env.browser)
    const page = await signUp(ada, origin, 'Ada')
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await createDeck(page, origin, 'Docker by hand')
    const deckUrl = page.url()

    await page.locator('#upload-files').setInputFiles([ports, volumes])
    await page.getByRole('button', { name: 'Upload' }).click()
    await page.getByText('Imported 2 notes with 3 cards').waitFor()

    // Edit one note: the live preview follows the typing, Save keeps the card (and its id).
    await page.getByRole('link', { name: 'Edit ports.md' }).click()
    const markdown = page.getByLabel('Markdown')
    const text = await markdown.inputValue()
    await markdown.fill(`${text}\nWhat removes a container? :: docker rm\n`)
    await page.locator('#preview-heading', { hasText: 'Preview: 3 cards' }).waitFor()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved.').waitFor()
    expect(await markdown.inputValue()).toContain('What removes a container? :: docker rm')

    // Review: reveal, grade Good, then E on the next card's answer opens its note's editor.
    await page.goto(`${origin}/review?deck=docker-by-hand`)
    const prompt = (await page.locator('.card-html.prompt').first().textContent())?.trim() ?? ''
    expect(prompt.length).toBeGreaterThan(0)
    await page.keyboard.press('Space')
    await page.locator('[data-side=answer]').waitFor()
    await Promise.all([page.waitForURL(/\/review\?/), page.keyboard.press('3')])
    await page.keyboard.press('Space')
    await page.locator('[data-side=answer]').waitFor()
    await Promise.all([page.waitForURL(/\/decks\/docker-by-hand\/note\?path=/), page.keyboard.press('e')])
    await page.getByLabel('Markdown').waitFor()

    // The card browser finds the reviewed card, with its one answer.
    expect(await historyOf(page, origin, prompt.split(' ').slice(0, 3).join(' '))).toBe('History · 1 answer')

    // Export the deck as an Anki package.
    await page.goto(deckUrl)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Anki package (.apkg)' }).click(),
    ])
    const apkg = join(dir, download.suggestedFilename())
    await download.saveAs(apkg)
    expect(apkg).toMatch(/\.apkg$/)

    // A second account imports it: the same cards, and the review history came along.
    const bob = await newContext(env.browser)
    const other = await signUp(bob, origin, 'Bob')
    await createDeck(other, origin, 'From Ada')
    await other.locator('#upload-files').setInputFiles(apkg)
    await other.getByRole('button', { name: 'Upload' }).click()
    await other.getByText(/Imported \d+ notes? with 4 cards/).waitFor()
    expect(await other.getByText(/1 past reviews?/).count()).toBe(1)
    await other.goto(`${origin}/cards?deck=from-ada`)
    const prompts = await other.locator('table.cards-table tbody tr').allTextContents()
    expect(prompts.length).toBe(4)
    for (const question of [
      'Which flag publishes a port?',
      'What lists running containers?',
      'What removes a container?',
    ])
      expect(prompts.some((row) => row.includes(question))).toBe(true)
    expect(await historyOf(other, origin, prompt.split(' ').slice(0, 3).join(' '))).toBe('History · 1 answer')
    expect(errors).toEqual([])
    await ada.close()
    await bob.close()
  })
})
