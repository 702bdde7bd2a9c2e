import { describe, expect, it } from 'vitest'
import { Browser, createTestApp, signUp } from '../helpers/app'

const password = 'correct horse battery staple'

async function signUpWithForm(app: Awaited<ReturnType<typeof createTestApp>>['app'], timezone: string) {
  const browser = new Browser(app)
  const form = await (await browser.request('/signup')).text()
  const res = await browser.submit('/signup', { email: `tz-${Math.random()}@example.com`, password, timezone })
  expect(res.status, await res.clone().text()).toBe(303)
  const settings = (await (await browser.request('/api/v1/settings')).json()) as { timezone: string }
  return { form, timezone: settings.timezone, browser }
}

describe('the time zone, detected at sign-up', () => {
  it('records the zone selected in the sign-up form, which the script presets to the browser’s', async () => {
    const { app } = await createTestApp()
    const { form, timezone } = await signUpWithForm(app, 'America/Los_Angeles')
    expect(form).toMatch(
      /<select id="timezone" name="timezone" aria-describedby="timezone-hint" data-browser-timezone="">/,
    )
    expect(form).toMatch(/<script type="module" src="\/assets\/timezone\.js\?v=\w+"/)
    expect(timezone).toBe('America/Los_Angeles')
  })

  it('lets a learner without JavaScript pick any IANA zone from the select, UTC preset', async () => {
    const { app } = await createTestApp()
    const form = await (await new Browser(app).request('/signup')).text()
    const options = [...form.matchAll(/<option value="([^"]+)"( selected="")?>/g)]
    expect(options.length).toBe(Intl.supportedValuesOf('timeZone').length + 1)
    expect(options.filter((o) => o[2]).map((o) => o[1])).toEqual(['UTC'])
    expect(options.map((o) => o[1])).toContain('Pacific/Auckland')
    expect((await signUpWithForm(app, 'Pacific/Auckland')).timezone).toBe('Pacific/Auckland')
    expect((await signUpWithForm(app, 'UTC')).timezone).toBe('UTC')
  })

  it('starts in UTC when no zone is sent (a form from before the select)', async () => {
    const { app } = await createTestApp()
    expect((await signUpWithForm(app, '')).timezone).toBe('UTC')
  })

  it('refuses a zone it does not know, naming the field, and keeps what was typed', async () => {
    const { app } = await createTestApp()
    const browser = new Browser(app)
    const email = 'mars@example.com'
    const res = await browser.submit('/signup', { email, password, name: 'Ada', timezone: 'Mars/Olympus' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Time zone must be an IANA time zone name such as Europe/Berlin')
    expect(html).toMatch(/<select id="timezone" name="timezone" aria-invalid="true"/)
    expect(html).not.toContain('data-browser-timezone')
    expect(html).toContain(`value="${email}"`)
    const signIn = await new Browser(app).submit('/signin', { email, password })
    expect(signIn.status).toBe(401)
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
