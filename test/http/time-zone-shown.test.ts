import { describe, expect, it } from 'vitest'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'
import { createDeck, writeNote } from '../helpers/own-deck'
import { seedCheckDeck } from '../helpers/team-deck'

const LA = 'America/Los_Angeles'
const AKL = 'Pacific/Auckland'

async function userIn(app: TestApp['app'], timezone: string, name = 'Ada') {
  const user = await signUp(app, name)
  const res = await user.browser.request('/api/v1/settings', { method: 'PUT', json: { timezone } })
  expect(res.status).toBe(200)
  return user
}

/** An owner in `ownerZone` and a member in `memberZone`, on one team. */
async function team(ownerZone: string, memberZone: string, start = Date.UTC(2026, 0, 15, 12)) {
  const t = await createTestApp({ clock: createClock(start) })
  await seedCheckDeck(t.db)
  const owner = await userIn(t.app, ownerZone, 'Olivia')
  const member = await userIn(t.app, memberZone, 'Max')
  const created = await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
  const { id } = (await created.json()) as { id: string }
  const invite = await owner.browser.request(`/api/v1/teams/${id}/invites`, { method: 'POST' })
  const { code } = (await invite.json()) as { code: string }
  expect((await member.browser.request(`/api/v1/invites/${code}/accept`, { method: 'POST' })).status).toBe(200)
  return { ...t, owner, member, teamId: id }
}

/** Creates a check through the team page's form, as an owner without script would. */
async function checkFromForm(browser: Browser, teamId: string, window: { opensAt: string; closesAt: string }) {
  const res = await browser.submit(`/teams/${teamId}/checks`, {
    title: 'Docker basics',
    deck: 'docker',
    questionCount: '4',
    format: 'mcq',
    ...window,
  })
  expect(res.status, await res.clone().text()).toBe(303)
  const checkId = res.headers.get('location')?.split('/').pop() ?? ''
  const api = await browser.request(`/api/v1/checks/${checkId}`)
  return { checkId, ...((await api.json()) as { opensAt: string; closesAt: string }) }
}

const page = async (browser: Browser, path: string) => (await browser.request(path)).text()

describe('check windows entered in the owner’s zone', () => {
  it('reads Los Angeles times on either side of the spring change, the skipped 02:30 as 03:30', async () => {
    const { owner, member, teamId } = await team(LA, AKL)
    const form = await page(owner.browser, `/teams/${teamId}`)
    expect(form).toContain(`Times are in your time zone, ${LA}`)
    expect(form).not.toContain('UTC')
    // 2026-03-08 02:00 PST does not happen: clocks go to 03:00 PDT.
    const check = await checkFromForm(owner.browser, teamId, {
      opensAt: '2026-03-08T02:30',
      closesAt: '2026-03-09T09:00',
    })
    expect(check.opensAt).toBe('2026-03-08T10:30:00.000Z')
    expect(check.closesAt).toBe('2026-03-09T16:00:00.000Z')

    const ownerView = await page(owner.browser, `/teams/${teamId}`)
    expect(ownerView).toContain('Opens 8 Mar 2026, 03:30 GMT-7')
    // The member in Auckland sees the same instant on their own clock (NZDT, UTC+13).
    expect(await page(member.browser, `/teams/${teamId}`)).toContain('Opens 8 Mar 2026, 23:30 GMT+13')
    expect(await page(member.browser, `/checks/${check.checkId}`)).toContain(
      'This check opens at 8 Mar 2026, 23:30 GMT+13.',
    )
  })

  it('reads Auckland’s repeated 02:30 as the first one, and shows the offset that tells them apart', async () => {
    const { owner, member, teamId, clock } = await team(AKL, LA, Date.UTC(2026, 3, 1))
    // 2026-04-05 03:00 NZDT becomes 02:00 NZST: 02:30 happens at +13 and again at +12.
    const check = await checkFromForm(owner.browser, teamId, {
      opensAt: '2026-04-05T02:30',
      closesAt: '2026-04-05T09:00',
    })
    expect(check.opensAt).toBe('2026-04-04T13:30:00.000Z')
    expect(check.closesAt).toBe('2026-04-04T21:00:00.000Z')
    expect(await page(owner.browser, `/teams/${teamId}`)).toContain('Opens 5 Apr 2026, 02:30 GMT+13')
    expect(await page(member.browser, `/teams/${teamId}`)).toContain('Opens 4 Apr 2026, 06:30 GMT-7')

    clock.now = Date.parse('2026-04-04T15:00:00Z')
    expect(await page(owner.browser, `/teams/${teamId}`)).toContain('Open until 5 Apr 2026, 09:00 GMT+12')
    expect((await member.browser.submit(`/checks/${check.checkId}`, {})).status).toBe(303)
    expect(await page(member.browser, `/checks/${check.checkId}`)).toContain(
      'The right answers show here once the check closes, at 4 Apr 2026, 14:00 GMT-7.',
    )
    clock.now = Date.parse('2026-04-05T00:00:00Z')
    expect(await page(owner.browser, `/checks/${check.checkId}`)).toContain(
      'This check closed at 5 Apr 2026, 09:00 GMT+12.',
    )
  })

  it('refuses a day that does not exist, naming the field, and creates nothing', async () => {
    const { owner, teamId } = await team(LA, LA)
    const res = await owner.browser.submit(`/teams/${teamId}/checks`, {
      title: 'Docker basics',
      deck: 'docker',
      questionCount: '4',
      opensAt: '2026-02-30T10:00',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('opensAt')
    expect(html).toMatch(/id="check-opens"[^>]*aria-invalid="true"/)
    const checks = await owner.browser.request(`/api/v1/teams/${teamId}/checks`)
    expect(await checks.json()).toEqual([])
  })

  it('keeps ISO 8601 instants with offsets in the API, whatever the caller’s zone', async () => {
    const { owner, teamId } = await team(LA, LA)
    const res = await owner.browser.request(`/api/v1/teams/${teamId}/checks`, {
      method: 'POST',
      json: {
        title: 'Docker basics',
        deck: 'docker',
        questionCount: 4,
        opensAt: '2026-04-05T02:30:00+12:00',
        closesAt: '2026-04-05T02:30:00+13:00',
      },
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('closesAt')
    const ok = await owner.browser.request(`/api/v1/teams/${teamId}/checks`, {
      method: 'POST',
      json: { title: 'Docker basics', deck: 'docker', questionCount: 4, opensAt: '2026-04-05T02:30:00+13:00' },
    })
    expect(ok.status).toBe(201)
    expect(await ok.json()).toMatchObject({ opensAt: '2026-04-04T13:30:00.000Z' })
  })
})

describe('other dates in the viewer’s zone', () => {
  it('ends an exam started in the Los Angeles night of the spring change at PDT’s clock', async () => {
    // 01:30 PST; 90 minutes later it is 04:00 PDT, not 03:00.
    const t = await createTestApp({ clock: createClock(Date.parse('2026-03-08T09:30:00Z')) })
    await seedExamDeck(t.db)
    const user = await userIn(t.app, LA)
    const res = await user.browser.request('/api/v1/exams', {
      method: 'POST',
      json: { deck: 'docker', format: 'mcq', questionCount: 3, minutes: 90 },
    })
    const exam = (await res.json()) as { id: string; endsAt: string }
    expect(exam.endsAt).toBe('2026-03-08T11:00:00.000Z')
    expect(await page(user.browser, `/exams/${exam.id}?q=1`)).toContain('(ends 04:00)')
    expect(await page(user.browser, '/exams')).toContain('8 Mar 2026, 01:30')
  })

  it('shows a card’s answers and due date in the card browser on the viewer’s clock', async () => {
    // Answered 2026-01-15 12:00 UTC: 16 January, 01:00 in Auckland (NZDT, UTC+13).
    const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
    const user = await userIn(t.app, AKL)
    const slug = await createDeck(user.browser, { name: 'Kubernetes' })
    const note = await writeNote(user.browser, slug, 'pods.md', '# Pods\n\nSmallest deployable unit? :: a pod\n')
    const cardId = note.cards[0]?.id ?? ''
    const answered = await user.browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating: 'good' } })
    expect(answered.status).toBe(201)
    const info = await page(user.browser, `/cards/${cardId}`)
    expect(info).toContain('<td>16 Jan 2026, 01:00</td>')
    expect(info).not.toContain('2026-01-15')
    expect(await page(user.browser, '/cards?q=deployable')).toContain('<td>16 Jan 2026</td>')
  })

  it('dates tokens and invites on the viewer’s calendar, not UTC’s', async () => {
    // Created 2026-01-15 12:00 UTC: a token expiring in 90 days ends on 16 April in Auckland.
    const { owner, teamId } = await team(AKL, AKL)
    const created = await owner.browser.submit('/account/tokens', { name: 'ci', scopes: 'review', expiresInDays: '90' })
    expect(created.status).toBe(201)
    const account = await page(owner.browser, '/account')
    expect(account).toContain('<td>16 Apr 2026</td>')
    const invite = await owner.browser.submit(`/teams/${teamId}/invites`, {})
    expect(await invite.text()).toContain('expires 23 Jan 2026, 01:00 GMT+13')
  })
})
