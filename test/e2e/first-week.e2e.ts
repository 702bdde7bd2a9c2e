import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServerAndBrowser } from './harness'

const env = useServerAndBrowser()
const password = 'a long and unusual passphrase 42'

async function signUpIn(context: BrowserContext, name: string, path = '/signup'): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${env.server.origin}${path}`)
  await page.fill('#email', `${name.toLowerCase()}-${Date.now()}@example.com`)
  await page.fill('#name', name)
  await page.fill('#password', password)
  await Promise.all([page.waitForNavigation(), page.click('form[action="/signup"] button[type=submit]')])
  return page
}

describe('a first week in a real browser', () => {
  it('shows key hints on a desktop with JavaScript only, and 44-px targets on a touch screen', async () => {
    const desktop = await env.browser.newContext({ viewport: { width: 1000, height: 800 } })
    const page = await signUpIn(desktop, 'Keys')
    const state = await desktop.storageState()
    await page.goto(`${env.server.origin}/review`)
    expect(await page.locator('kbd.hint').first().isVisible()).toBe(true)
    await desktop.close()

    const noScript = await env.browser.newContext({ javaScriptEnabled: false, storageState: state })
    const plain = await noScript.newPage()
    await plain.goto(`${env.server.origin}/review`)
    expect(await plain.locator('kbd.hint').first().isVisible()).toBe(false)
    await noScript.close()

    const phone = await env.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      storageState: state,
    })
    const touch = await phone.newPage()
    await touch.goto(`${env.server.origin}/review`)
    expect(await touch.locator('kbd.hint').first().isVisible()).toBe(false)
    await touch.locator('button[data-key="reveal"]').click()
    await touch.waitForSelector('button.grade')
    const heights = await touch
      .locator('.review button')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().height)))
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44)
    await phone.close()
  })

  it('keeps an invite through sign-up, then creates and revokes a token and deletes the account', async () => {
    const ownerContext = await env.browser.newContext()
    const owner = await signUpIn(ownerContext, 'Olivia')
    await owner.goto(`${env.server.origin}/teams`)
    await owner.fill('input[name=name]', 'Platform')
    await Promise.all([owner.waitForURL(/\/teams\/[\w-]+$/), owner.click('form[action="/teams"] button[type=submit]')])
    await owner.click('form[action$="/invites"] button[type=submit]')
    const link = await owner.locator('#invite-url').inputValue()
    const invitePath = new URL(link.trim(), env.server.origin).pathname
    await ownerContext.close()

    const context = await env.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${env.server.origin}${invitePath}`)
    await page.waitForURL(/\/signin\?next=/)
    expect(await page.textContent('main')).toContain('invited to join the team Platform')
    await Promise.all([page.waitForURL(/\/signup\?next=/), page.click('a[href^="/signup?next="]')])
    await page.fill('#email', `max-${Date.now()}@example.com`)
    await page.fill('#password', password)
    await Promise.all([page.waitForURL(new RegExp(`${invitePath}$`)), page.click('form[action="/signup"] button')])
    await Promise.all([page.waitForURL(/\/teams\/[\w-]+$/), page.click(`form[action="${invitePath}"] button`)])

    await page.goto(`${env.server.origin}/account`)
    await page.fill('#token-name', 'results script')
    await page.check('input[name=scopes][value="progress:read"]')
    await page.click('form[action="/account/tokens"] button')
    const token = (await page.textContent('#new-token')) ?? ''
    expect(token).toMatch(/^dd_/)
    const progress = await page.request.get(`${env.server.origin}/api/v1/progress`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(progress.status()).toBe(200)
    await page.click('form[action$="/revoke"] button')
    expect(await page.textContent('main')).toContain('The token was revoked')

    await page.fill('#delete-password', password)
    await page.fill('#delete-confirm', 'delete')
    await page.click('form[action="/account/delete"] button')
    expect(await page.textContent('main')).toContain('Your account was deleted')
    await page.goto(`${env.server.origin}/review`)
    await page.waitForURL(/\/signin/)
    await context.close()
  })

  it('answers a mistyped address with a page a person can read', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const res = await page.goto(`${env.server.origin}/nope`)
    expect(res?.status()).toBe(404)
    expect(await page.textContent('main')).toContain('There is no page at this address.')
    await context.close()
  })
})
