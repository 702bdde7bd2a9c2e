import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext, screenshotPath, useServerAndBrowser } from './harness'

async function signUp(page: Page, origin: string) {
  await page.goto(`${origin}/signup`)
  await page.getByLabel('Email').fill(`exam-${Date.now()}-${Math.random()}@example.com`)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('Password').press('Enter')
  await page.waitForURL(`${origin}/`)
}

/** The deck's answers by prompt HTML, as the deck API lists them, to answer as a candidate would. */
async function answerKey(page: Page, origin: string): Promise<Map<string, string>> {
  const res = await page.request.get(`${origin}/api/v1/decks/docker/cards`)
  const cards = (await res.json()) as { promptHtml: string; answer: string }[]
  return new Map(cards.map((card) => [card.promptHtml, card.answer]))
}

/** Answers the question on the page with the keyboard, right or wrong on purpose; returns its kind. */
async function answerWithKeys(page: Page, key: Map<string, string>, right: boolean): Promise<string> {
  const kind = (await page.locator('.answer-form').getAttribute('data-kind')) ?? ''
  const answer = key.get(await page.locator('.prompt').innerHTML()) ?? ''
  if (kind === 'mcq') {
    const texts = await page.locator('label.option .option-text').allTextContents()
    // The key may not know this question's answer (reworded options): then any option will do.
    const index = Math.max(
      0,
      texts.findIndex((text) => (text === answer) === right),
    )
    await page.keyboard.press('abcd'[index] ?? 'a')
    expect(await page.locator('input[name="choice"]').nth(index).isChecked()).toBe(true)
    await page.keyboard.press('Enter')
  } else if (kind === 'typein') {
    await page.getByLabel('Type the command').fill(right ? answer : 'docker ps -a --wrong')
    await page.getByLabel('Type the command').press('Enter')
  } else {
    // DOMC: judge each option as shown until the item ends (by the last option at the latest).
    for (let i = 0; i < 5 && (await page.locator('.domc-option').count()) > 0; i++) {
      const isAnswer = (await page.locator('.domc-option').textContent()) === answer
      await Promise.all([page.waitForEvent('load'), page.keyboard.press(isAnswer === right ? 'y' : 'n')])
    }
  }
  await page.waitForSelector('.answer-form')
  return kind
}

describe('a timed mock exam in Chromium', () => {
  const env = useServerAndBrowser()

  it('runs a 5-question, 2-minute exam from the start form to the result page', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text())
    })
    await signUp(page, env.server.origin)
    const settings = await page.request.put(`${env.server.origin}/api/v1/settings`, {
      data: { examDate: '2030-03-01' },
    })
    expect(settings.status()).toBe(200)

    await page.goto(`${env.server.origin}/exams`)
    await expect.poll(() => page.locator('.readiness h2').textContent()).toContain('1 March 2030')
    await page.getByLabel('Questions').fill('5')
    await page.getByLabel('Minutes').fill('2')
    await page.screenshot({ path: screenshotPath('exam-start.png'), fullPage: true })
    await page.getByRole('button', { name: 'Start the exam' }).click()
    await page.waitForURL(/\/exams\/[\w-]+$/)

    const face = page.locator('.countdown-clock')
    const first = (await face.textContent()) ?? ''
    expect(first).toMatch(/^[12]:\d\d$/)
    await expect.poll(() => face.textContent(), { timeout: 5000 }).not.toBe(first)
    expect(await page.locator('.navigator-grid li').count()).toBe(5)

    const key = await answerKey(page, env.server.origin)
    const kinds: string[] = []
    for (let n = 1; n <= 5; n++) {
      await page.goto(`${page.url().replace(/\?.*$/, '')}?q=${n}`)
      if (n === 2) {
        // A type-in question has its field focused, where F is a letter: Escape leaves the field.
        // The field is focused here first: its autofocus can land after a key press on a loaded
        // machine (it took the F once in CI, 2026-11-30), and a field focused by hand drops it.
        if ((await page.locator('.answer-form').getAttribute('data-kind')) === 'typein') {
          await page.getByLabel('Type the command').focus()
          await page.keyboard.press('Escape')
          await page.waitForFunction(() => document.activeElement?.id !== 'answer-text')
        }
        await page.keyboard.press('f')
        await page.waitForSelector('.flag-note')
      }
      if (n === 3) await page.screenshot({ path: screenshotPath('exam-question.png'), fullPage: true })
      kinds.push(await answerWithKeys(page, key, n !== 4))
    }
    await page.goto(page.url().replace(/\?.*$/, ''))
    expect(await page.locator('.navigator-grid a.answered').count()).toBe(5)
    expect(await page.locator('.navigator-grid a.flagged').count()).toBe(1)

    await page.getByText('Submit the exam…').click()
    await page.getByRole('button', { name: 'Submit and see my score' }).click()
    await page.waitForURL(/\/result$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mock exam result')
    // The candidate meant 4 of 5 right, but its answer key matches option texts by prompt, which
    // some question shapes (reverse cards, reworded options) defeat: so the page must agree with
    // the server's scoring rather than with a fixed figure. Scoring itself is tested over HTTP.
    const examId = /\/exams\/([\w-]+)\/result$/.exec(page.url())?.[1]
    const scored = (await (await page.request.get(`${env.server.origin}/api/v1/exams/${examId}`)).json()) as {
      result?: { score: number; passed: boolean }
      score?: number
      passed?: boolean
    }
    const score = scored.result?.score ?? scored.score ?? -1
    const passed = scored.result?.passed ?? scored.passed
    expect(await page.locator('.verdict h2').textContent()).toBe(
      `${passed ? 'Passed' : 'Not passed'}: ${Math.round(score * 100)}%`,
    )
    expect(await page.locator('.result-question').count()).toBe(5)
    expect(await page.locator('svg.exam-bars rect.track').count()).toBeGreaterThan(0)
    expect(await page.locator('.result-question .source a').first().getAttribute('href')).toMatch(
      /^\/decks\/docker\/notes\/[\w-]+(#[\w-]+)?$/,
    )
    await page.screenshot({ path: screenshotPath('exam-result.png'), fullPage: true })
    expect(errors).toEqual([])
    console.log(`exam question kinds: ${kinds.join(', ')}`)
    await context.close()
  })

  it('shows the result and a quiz verdict in dark mode on a phone', async () => {
    const context = await env.browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await signUp(page, env.server.origin)
    await page.goto(`${env.server.origin}/quiz`)
    await page.getByLabel('Questions').fill('3')
    await page.getByRole('button', { name: 'Start the quiz' }).click()
    await page.waitForURL(/\/quiz\/[\w-]+\?q=1$/)
    await Promise.all([page.waitForURL(/q=1$/), page.keyboard.press('2')])
    await page.waitForSelector('.quiz-verdict')
    expect(await page.locator('.verdict-line').textContent()).toMatch(/Right|Not quite/)
    await page.screenshot({ path: screenshotPath('quiz-verdict-dark-phone.png'), fullPage: true })
    await page.goto(`${env.server.origin}/exams`)
    await page.getByLabel('Questions').fill('3')
    await page.getByRole('button', { name: 'Start the exam' }).click()
    await page.waitForURL(/\/exams\/[\w-]+$/)
    await page.screenshot({ path: screenshotPath('exam-question-dark-phone.png'), fullPage: true })
    await page.getByText('Submit the exam…').click()
    await page.getByRole('button', { name: 'Submit and see my score' }).click()
    await page.waitForURL(/\/result$/)
    await page.screenshot({ path: screenshotPath('exam-result-dark-phone.png'), fullPage: true })
    await context.close()
  })
})
