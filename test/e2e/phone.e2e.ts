import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, useServerAndBrowser } from './harness'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const phone = { width: 390, height: 844 }
const env = useServerAndBrowser()

/** Calls the API as the signed-in page would: its cookies, and its origin for the CSRF check. */
async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const origin = env.server.origin
  const res = await page.request.fetch(`${origin}${path}`, {
    method,
    headers: { origin, 'content-type': 'application/json', 'idempotency-key': `${Math.random()}` },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  })
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300)
  return res.json()
}

/** A learner with some history, a team with a check and its results, a finished exam and a quiz. */
async function learnerWithEverything(context: BrowserContext) {
  const page = await context.newPage()
  await page.goto(`${env.server.origin}/signup`)
  await page.fill('#email', `phone-${Date.now()}@example.com`)
  await page.fill('#name', 'Alexandra Konstantinopoulou-Featherstonehaugh')
  await page.fill('#password', 'a long and unusual passphrase 42')
  await Promise.all([page.waitForURL(`${env.server.origin}/`), page.click('button[type=submit]')])
  for (let i = 0; i < 6; i++) {
    const next = (await api(page, 'GET', '/api/v1/review/next')) as { card: { id: string } | null }
    if (!next.card) break
    await api(page, 'POST', '/api/v1/reviews', { cardId: next.card.id, rating: i % 3 ? 'good' : 'again' })
  }
  const team = (await api(page, 'POST', '/api/v1/teams', {
    name: 'Platform engineering and developer experience',
  })) as {
    id: string
  }
  const check = (await api(page, 'POST', `/api/v1/teams/${team.id}/checks`, {
    title: 'Docker basics',
    deck: 'docker',
    questionCount: 3,
  })) as { id: string }
  const exam = (await api(page, 'POST', '/api/v1/exams', { deck: 'docker', questionCount: 5, minutes: 10 })) as {
    id: string
  }
  await api(page, 'POST', `/api/v1/exams/${exam.id}/submit`, {})
  await page.close()
  return { teamId: team.id, checkId: check.id, examId: exam.id }
}

async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth <= width) return []
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll, pre, .scroll-x'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`)
  })
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
      .axe
    return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`)
  })
  return violations
}

describe('every page on a 390-px phone, in light and dark', () => {
  let ids: { teamId: string; checkId: string; examId: string }
  let state: Awaited<ReturnType<BrowserContext['storageState']>>
  const pages = () => [
    '/',
    '/review',
    '/progress',
    '/exams',
    `/exams/${ids.examId}/result`,
    '/quiz',
    '/decks/docker',
    '/decks/docker/notes/architecture',
    '/teams',
    `/teams/${ids.teamId}`,
    `/checks/${ids.checkId}`,
    `/checks/${ids.checkId}/results`,
    '/settings',
    '/account',
    '/welcome',
    '/help',
    '/api/docs',
    '/nope',
  ]

  beforeAll(async () => {
    const context = await env.browser.newContext({ viewport: phone })
    ids = await learnerWithEverything(context)
    state = await context.storageState()
    await context.close()
  }, 300_000)

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no horizontal scroll on any signed-in page in ${scheme}, and captures the main pages`, async () => {
      const shots: Record<string, string> = {
        '/': 'home',
        '/review': 'review',
        '/progress': 'progress',
        [`/exams/${ids.examId}/result`]: 'exam-result',
      }
      const context = await env.browser.newContext({ viewport: phone, colorScheme: scheme, storageState: state })
      const page = await context.newPage()
      const problems: string[] = []
      for (const path of pages()) {
        await page.goto(`${env.server.origin}${path}`)
        for (const el of await horizontalOverflow(page)) problems.push(`${path}: ${el}`)
        const name = shots[path]
        if (name) await page.screenshot({ path: screenshotPath(`phone-${name}-${scheme}.png`), fullPage: true })
      }
      await context.close()
      expect(problems).toEqual([])
    }, 300_000)
  }

  it('has no horizontal scroll on the signed-out pages', async () => {
    const visitor = await env.browser.newContext({ viewport: phone })
    const page = await visitor.newPage()
    const problems: string[] = []
    for (const path of ['/', '/signin', '/signup', '/password/forgot', '/help']) {
      await page.goto(`${env.server.origin}${path}`)
      for (const el of await horizontalOverflow(page)) problems.push(`${path}: ${el}`)
    }
    await visitor.close()
    expect(problems).toEqual([])
  }, 300_000)

  it('has no axe violation on any page', async () => {
    const context = await env.browser.newContext({ viewport: phone, storageState: state, bypassCSP: true })
    const page = await context.newPage()
    const violations: string[] = []
    for (const path of [...pages(), '/signin']) {
      await page.goto(`${env.server.origin}${path}`)
      for (const v of await axeViolations(page)) violations.push(`${path}: ${v}`)
    }
    await context.close()
    expect(violations).toEqual([])
  }, 300_000)
})
