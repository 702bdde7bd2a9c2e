import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { teamInvites } from '../../src/db/schema'
import type { AppDeps } from '../../src/env'
import { type Browser, createClock, createTestApp, signUp, testPasswordParams } from '../helpers/app'
import { createTestDb } from '../helpers/db'

const day = 86_400_000

async function appWith(deps: Partial<AppDeps>) {
  const { db } = await createTestDb()
  const clock = createClock()
  const app = createApp({ database: () => db, clock: () => clock.now, passwordParams: testPasswordParams, ...deps })
  return { app, db, clock }
}

async function createTeam(browser: Browser, name = 'Platform') {
  const res = await browser.request('/api/v1/teams', { method: 'POST', json: { name } })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; name: string; role: string }
}

async function invite(browser: Browser, teamId: string, body: Record<string, unknown> = {}) {
  const res = await browser.request(`/api/v1/teams/${teamId}/invites`, { method: 'POST', json: body })
  expect(res.status).toBe(201)
  return (await res.json()) as { code: string; url: string; expiresAt: string }
}

const accept = (browser: Browser, code: string) => browser.request(`/api/v1/invites/${code}/accept`, { method: 'POST' })

async function teamWithMember(app: Parameters<typeof signUp>[0]) {
  const owner = await signUp(app, 'Olivia')
  const member = await signUp(app, 'Max')
  const team = await createTeam(owner.browser)
  expect((await accept(member.browser, (await invite(owner.browser, team.id)).code)).status).toBe(200)
  return { owner, member, team }
}

describe('teams', () => {
  it('makes the creator the owner and lists only the teams the caller belongs to', async () => {
    const { app } = await createTestApp()
    const ada = await signUp(app, 'Ada')
    const bob = await signUp(app, 'Bob')
    const team = await createTeam(ada.browser, '  Platform  ')
    expect(team).toMatchObject({ name: 'Platform', role: 'owner' })
    await createTeam(bob.browser, 'Bob team')
    const list = (await (await ada.browser.request('/api/v1/teams')).json()) as { name: string }[]
    expect(list).toEqual([expect.objectContaining({ id: team.id, name: 'Platform', role: 'owner', memberCount: 1 })])
    const detail = await (await ada.browser.request(`/api/v1/teams/${team.id}`)).json()
    expect(detail).toMatchObject({ members: [{ userId: ada.userId, role: 'owner', name: 'Ada' }] })
  })

  it('refuses an empty team name, naming the field', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.request('/api/v1/teams', { method: 'POST', json: { name: '   ' } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ code: 'validation_failed', field: 'name' })
  })

  it('answers 404 to a non-member for every team route, so team ids reveal nothing', async () => {
    const { app } = await createTestApp()
    const { team, member } = await teamWithMember(app)
    const stranger = await signUp(app, 'Eve')
    const paths: [string, string][] = [
      ['GET', `/api/v1/teams/${team.id}`],
      ['POST', `/api/v1/teams/${team.id}/invites`],
      ['GET', `/api/v1/teams/${team.id}/checks`],
      ['DELETE', `/api/v1/teams/${team.id}/members/${member.userId}`],
      ['GET', '/api/v1/teams/no-such-team'],
    ]
    for (const [method, path] of paths) {
      const res = await stranger.browser.request(path, { method })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
  })
})

describe('invites', () => {
  it('returns a 128-bit single-use code, stores only its hash, and links relatively without PUBLIC_ORIGIN', async () => {
    const { app, db } = await createTestApp()
    const owner = await signUp(app)
    const team = await createTeam(owner.browser)
    const created = await invite(owner.browser, team.id)
    expect(created.code).toMatch(/^[\w-]{22}$/)
    expect(created.url).toBe(`/invites/${created.code}`)
    expect(created.expiresAt).toBe(new Date(Date.UTC(2026, 0, 22, 12)).toISOString())
    const rows = await db.select().from(teamInvites)
    expect(JSON.stringify(rows)).not.toContain(created.code)
    expect(rows[0]?.codeHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('builds the invite link from the public origin when one is configured', async () => {
    const { app } = await appWith({ publicOrigin: 'https://dockdeck.example' })
    const owner = await signUp(app)
    const team = await createTeam(owner.browser)
    const created = await invite(owner.browser, team.id, { expiresInDays: 1 })
    expect(created.url).toBe(`https://dockdeck.example/invites/${created.code}`)
  })

  it('lets a code be used once, and refuses it after it expires', async () => {
    const clock = createClock()
    const { app } = await createTestApp({ clock })
    const owner = await signUp(app)
    const [max, eve] = [await signUp(app, 'Max'), await signUp(app, 'Eve')]
    const team = await createTeam(owner.browser)
    const { code } = await invite(owner.browser, team.id)
    const joined = await accept(max.browser, code)
    expect(joined.status).toBe(200)
    expect(await joined.json()).toEqual({ team: { id: team.id, name: 'Platform' }, role: 'member' })
    const again = await accept(eve.browser, code)
    expect(again.status).toBe(410)
    expect(await again.json()).toMatchObject({ detail: expect.stringContaining('already been used') })
    const late = await invite(owner.browser, team.id, { expiresInDays: 1 })
    clock.advance(day)
    const expired = await accept(eve.browser, late.code)
    expect(expired.status).toBe(410)
    expect(await expired.json()).toMatchObject({ detail: expect.stringContaining('expired') })
    expect((await accept(eve.browser, 'A'.repeat(22))).status).toBe(404)
  })

  it('lets only one of two people racing for the same code join', async () => {
    const { app } = await createTestApp()
    const owner = await signUp(app)
    const team = await createTeam(owner.browser)
    const { code } = await invite(owner.browser, team.id)
    const racers = [await signUp(app, 'A'), await signUp(app, 'B'), await signUp(app, 'C')]
    const statuses = await Promise.all(racers.map((r) => accept(r.browser, code).then((res) => res.status)))
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    const detail = (await (await owner.browser.request(`/api/v1/teams/${team.id}`)).json()) as { members: unknown[] }
    expect(detail.members).toHaveLength(2)
  })

  it('tells a member they already belong, without spending the code', async () => {
    const { app } = await createTestApp()
    const { owner, member, team } = await teamWithMember(app)
    const { code } = await invite(owner.browser, team.id)
    expect((await accept(member.browser, code)).status).toBe(409)
    expect((await accept((await signUp(app, 'New')).browser, code)).status).toBe(200)
  })
})

describe('roles', () => {
  it('lets a member read the team but not invite, remove or promote (403)', async () => {
    const { app } = await createTestApp()
    const { owner, member, team } = await teamWithMember(app)
    expect((await member.browser.request(`/api/v1/teams/${team.id}`)).status).toBe(200)
    const tries = [
      member.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST' }),
      member.browser.request(`/api/v1/teams/${team.id}/members/${owner.userId}`, { method: 'DELETE' }),
      member.browser.request(`/api/v1/teams/${team.id}/members/${member.userId}`, {
        method: 'PATCH',
        json: { role: 'owner' },
      }),
    ]
    for (const res of await Promise.all(tries)) {
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ code: 'forbidden' })
    }
  })

  it('keeps the last owner from leaving until they promote someone', async () => {
    const { app } = await createTestApp()
    const { owner, member, team } = await teamWithMember(app)
    const leave = () => owner.browser.request(`/api/v1/teams/${team.id}/members/${owner.userId}`, { method: 'DELETE' })
    const refused = await leave()
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ detail: expect.stringContaining('promote') })
    const demote = await owner.browser.request(`/api/v1/teams/${team.id}/members/${owner.userId}`, {
      method: 'PATCH',
      json: { role: 'member' },
    })
    expect(demote.status).toBe(409)
    const promote = await owner.browser.request(`/api/v1/teams/${team.id}/members/${member.userId}`, {
      method: 'PATCH',
      json: { role: 'owner' },
    })
    expect(await promote.json()).toEqual({ userId: member.userId, role: 'owner' })
    expect((await leave()).status).toBe(204)
    expect((await owner.browser.request(`/api/v1/teams/${team.id}`)).status).toBe(404)
    const detail = (await (await member.browser.request(`/api/v1/teams/${team.id}`)).json()) as { members: unknown[] }
    expect(detail.members).toEqual([expect.objectContaining({ userId: member.userId, role: 'owner' })])
  })

  it('lets an owner remove a member and a member leave', async () => {
    const { app } = await createTestApp()
    const { owner, member, team } = await teamWithMember(app)
    const other = await signUp(app, 'Other')
    expect((await accept(other.browser, (await invite(owner.browser, team.id)).code)).status).toBe(200)
    const removed = await owner.browser.request(`/api/v1/teams/${team.id}/members/${member.userId}`, {
      method: 'DELETE',
    })
    expect(removed.status).toBe(204)
    expect((await member.browser.request(`/api/v1/teams/${team.id}`)).status).toBe(404)
    const left = await other.browser.request(`/api/v1/teams/${team.id}/members/${other.userId}`, { method: 'DELETE' })
    expect(left.status).toBe(204)
    const gone = await owner.browser.request(`/api/v1/teams/${team.id}/members/${other.userId}`, { method: 'DELETE' })
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({ field: 'userId' })
  })
})

describe('team pages without JavaScript', () => {
  it('creates a team, invites, joins and refuses the last owner leaving, all with plain forms', async () => {
    const { app } = await createTestApp()
    const owner = await signUp(app, 'Olivia')
    const created = await owner.browser.submit('/teams', { name: 'Ops' })
    expect(created.status).toBe(303)
    const teamPath = created.headers.get('location') ?? ''
    expect(teamPath).toMatch(/^\/teams\/[\w-]+$/)
    const invited = await owner.browser.submit(`${teamPath}/invites`, {})
    const url = /value="(\/invites\/[\w-]{22})"/.exec(await invited.text())?.[1]
    expect(url).toBeDefined()
    const max = await signUp(app, 'Max')
    const path = new URL(url!, 'http://127.0.0.1:8787').pathname
    expect(await (await max.browser.request(path)).text()).toContain('Join Ops')
    const joined = await max.browser.submit(path, {})
    expect(joined.headers.get('location')).toBe(teamPath)
    const leave = await owner.browser.submit(`${teamPath}/members/${owner.userId}/remove`, {})
    expect(leave.status).toBe(409)
    expect(await leave.text()).toContain('promote another member to owner before leaving')
    expect((await max.browser.request(`${teamPath}`)).status).toBe(200)
    expect((await (await signUp(app, 'Eve')).browser.request(teamPath)).status).toBe(404)
  })

  it('sends a signed-out visitor of an invite link to sign in and back', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/invites/AAAAAAAAAAAAAAAAAAAAAA')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/signin?next=%2Finvites%2FAAAAAAAAAAAAAAAAAAAAAA')
  })
})
