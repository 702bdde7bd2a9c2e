import { and, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { teamInvites, teamMembers } from '../../src/db/schema'
import { Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { gatedApp, holdFirst } from '../helpers/interleave'

/**
 * Finding 9 (info), its last part: one user accepting two invites to the same team at once
 * spent both codes. Each accept checks membership first and spends its code after, so two
 * accepts that both checked before either spent both went through. Here the second accept runs
 * on a second app with its own connection to the database file (a second server process), held
 * between its check and its spend until the first accept has finished: the race every run.
 */

/** Matches the batch that spends an invite code (`spendInvite`). */
const spend = /^update "team_invites"/

const accept = (browser: Browser, code: string) => browser.request(`/api/v1/invites/${code}/accept`, { method: 'POST' })

describe('finding 9: two invites to one team accepted at once', () => {
  it('spends at most one code, and the other still lets someone else join', async () => {
    const clock = createClock()
    const t = await createTestApp({ clock })
    const owner = await signUp(t.app, 'Olivia')
    const max = await signUp(t.app, 'Max')
    const team = (await (
      await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
    ).json()) as { id: string }
    const codes: string[] = []
    for (let i = 0; i < 2; i++) {
      const res = await owner.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST' })
      codes.push(((await res.json()) as { code: string }).code)
    }
    const [first = '', second = ''] = codes

    let firstDone: () => void = () => {}
    const firstFinished = new Promise<void>((resolve) => {
      firstDone = resolve
    })
    const gate = holdFirst(spend, () => firstFinished)
    const other = await gatedApp(t.url, clock, gate)
    const maxThere = new Browser(other.app)
    for (const [name, value] of max.browser.cookies) maxThere.cookies.set(name, value)

    // The second accept checks membership, then waits at its spend; the first runs to the end.
    const held = accept(maxThere, second)
    await gate.reached
    const done = await accept(max.browser, first)
    firstDone()
    const late = await held
    other.client.close()

    expect([done.status, late.status]).toEqual([200, 409])
    expect(await late.json()).toMatchObject({ detail: expect.stringContaining('already a member') })
    const spent = await t.db.select().from(teamInvites).where(isNotNull(teamInvites.usedAt))
    expect(spent).toHaveLength(1)
    const memberships = await t.db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, max.userId)))
    expect(memberships).toHaveLength(1)

    const ida = await signUp(t.app, 'Ida')
    expect((await accept(ida.browser, second)).status).toBe(200)
  })
})
