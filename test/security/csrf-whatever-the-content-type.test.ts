import { describe, expect, it } from 'vitest'
import { teamMembers } from '../../src/db/schema'
import { type Browser, createTestApp, signUp } from '../helpers/app'

/**
 * Finding 3 (medium): a cookie-authenticated POST with no Content-Type (what
 * `fetch(..., {mode: 'no-cors'})` sends) skipped the CSRF check, and the JSON API read
 * `text/plain`, form and empty bodies as `{}`. Finding 6 (low): a malformed multipart body was
 * a 500 with a stack trace.
 */
const sibling = 'http://evil.127.0.0.1.nip.io:8787'

async function teamWithMember() {
  const t = await createTestApp()
  const owner = await signUp(t.app, 'Owner')
  const member = await signUp(t.app, 'Member')
  const post = async (b: Browser, path: string, json: unknown = {}) =>
    (await (await b.request(path, { method: 'POST', json })).json()) as { id: string; code: string }
  const team = await post(owner.browser, '/api/v1/teams', { name: 'Ops' })
  const { code } = await post(owner.browser, `/api/v1/teams/${team.id}/invites`)
  await post(member.browser, `/api/v1/invites/${code}/accept`)
  return { ...t, owner, member, team }
}

describe('finding 3: CSRF is checked whatever the content type', () => {
  it('refuses a bodiless cross-site page POST with the session cookie (remove a member)', async () => {
    const t = await teamWithMember()
    const path = `/teams/${t.team.id}/members/${t.member.userId}/remove`
    const variants: Record<string, string>[] = [{ origin: sibling }, { 'sec-fetch-site': 'same-site' }, {}]
    for (const headers of variants) {
      const res = await t.owner.browser.request(path, { method: 'POST', headers })
      expect(res.status, JSON.stringify(headers)).toBe(403)
    }
    expect((await t.db.select().from(teamMembers)).length).toBe(2)
  })

  it('refuses a cross-site API call made with the session cookie, whatever its body', async () => {
    const t = await teamWithMember()
    const path = `/api/v1/teams/${t.team.id}/members/${t.member.userId}`
    const res = await t.owner.browser.request(path, { method: 'DELETE', headers: { origin: sibling } })
    expect(res.status).toBe(403)
    const fetched = await t.owner.browser.request(path, {
      method: 'DELETE',
      headers: { 'sec-fetch-site': 'same-site' },
    })
    expect(fetched.status).toBe(403)
    expect((await t.db.select().from(teamMembers)).length).toBe(2)
  })

  it('answers 415 to an API body that is not application/json', async () => {
    const t = await teamWithMember()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.owner.browser.request('/api/v1/teams', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'name=Forged',
      })
      expect(res.status, type).toBe(415)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('answers 400 to a JSON body that is an array, not an object', async () => {
    const t = await teamWithMember()
    const res = await t.owner.browser.request('/api/v1/quizzes', { method: 'POST', json: [] })
    expect(res.status).toBe(400)
  })

  it('still takes same-origin forms and JSON', async () => {
    const t = await teamWithMember()
    const form = await t.owner.browser.submit('/teams', { name: 'Platform' })
    expect(form.status).toBe(303)
    const json = await t.owner.browser.request('/api/v1/teams', {
      method: 'POST',
      json: { name: 'Infra' },
      headers: { origin: 'http://127.0.0.1:8787', 'sec-fetch-site': 'same-origin' },
    })
    expect(json.status).toBe(201)
  })
})

describe('finding 6: a malformed multipart body is a 400, not a 500', () => {
  it('answers 400 on a page POST whose multipart body is broken', async () => {
    const t = await teamWithMember()
    await t.owner.browser.request('/signin')
    const res = await t.owner.browser.request('/teams', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz', origin: 'http://127.0.0.1:8787' },
      body: '--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc\r\n--zz',
    })
    expect(res.status).toBe(400)
  })
})
