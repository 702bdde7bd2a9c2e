import { describe, expect, it } from 'vitest'
import { Browser, createTestApp, signUp } from '../helpers/app'

const password = 'correct horse battery staple'

async function signUpWithForm(app: Awaited<ReturnType<typeof createTestApp>>['app'], timezone: string) {
  const browser = new Browser(app)
  const form = await (await browser.request('/signup')).text()
  const res = await browser.submit('/signup', { email: `tz-${Math.random()}@example.com`, password, timezone })
  expect(res.status).toBe(303)
  const settings = (await (await browser.request('/api/v1/settings')).json()) as { timezone: string }
  return { form, timezone: settings.timezone, browser }
}

describe('the time zone, detected at sign-up', () => {
  it('records the zone the browser filled into the sign-up form', async () => {
    const { app } = await createTestApp()
    const { form, timezone } = await signUpWithForm(app, 'America/Los_Angeles')
    expect(form).toMatch(/<input type="hidden" name="timezone" value="" data-browser-timezone/)
    expect(form).toMatch(/<script type="module" src="\/assets\/timezone\.js\?v=\w+"/)
    expect(timezone).toBe('America/Los_Angeles')
  })

  it('starts in UTC without JavaScript or with a zone it does not know, and still creates the account', async () => {
    const { app } = await createTestApp()
    expect((await signUpWithForm(app, '')).timezone).toBe('UTC')
    expect((await signUpWithForm(app, 'Mars/Olympus')).timezone).toBe('UTC')
  })

  it('takes timezone in the API sign-up, and refuses an unknown one naming the field', async () => {
    const { app } = await createTestApp()
    const register = (json: unknown) => new Browser(app).request('/api/v1/auth/register', { method: 'POST', json })
    const ok = await register({ email: 'tokyo@example.com', password, timezone: 'Asia/Tokyo' })
    expect(ok.status).toBe(201)
    const bad = await register({ email: 'mars@example.com', password, timezone: 'Mars/Olympus' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('timezone')
  })
})

describe('the settings page offers the browser’s zone', () => {
  it('carries a hidden offer with the saved zone for the script, and switches on submit', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const html = await (await browser.request('/settings')).text()
    expect(html).toMatch(/<form method="post" action="\/settings\/timezone"[^>]*data-current="UTC" hidden=""/)
    expect(html).toMatch(/<script type="module" src="\/assets\/timezone\.js/)
    const res = await browser.submit('/settings/timezone', { timezone: 'Europe/Berlin' })
    expect(res.status).toBe(303)
    const settings = (await (await browser.request('/api/v1/settings')).json()) as { timezone: string }
    expect(settings.timezone).toBe('Europe/Berlin')
    expect((await browser.submit('/settings/timezone', { timezone: 'Mars/Olympus' })).status).toBe(400)
  })
})
