import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { cards, deckNotes } from '../../src/db/schema'
import { deckLimits } from '../../src/services/deck-limits'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck, noteUrl, putNote, writeNote } from '../helpers/own-deck'
import { seedCheckDeck } from '../helpers/team-deck'

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as T
}

describe("a user's own deck", () => {
  let t: TestApp
  let ada: Browser
  let bob: Browser
  let slug: string
  let cardId: string

  beforeAll(async () => {
    t = await createTestApp()
    await seedCheckDeck(t.db)
    ada = (await signUp(t.app, 'Ada')).browser
    bob = (await signUp(t.app, 'Bob')).browser
    slug = await createDeck(ada, { name: 'Kubernetes basics' })
    const note = await writeNote(ada, slug, 'pods.md', '# Pods\n\nSmallest deployable unit? :: a pod\n')
    cardId = note.cards[0]!.id
  })

  it('derives the slug from the name, and takes the next free one when it is taken', async () => {
    expect(slug).toBe('kubernetes-basics')
    expect(await createDeck(bob, { name: 'Kubernetes basics' })).toBe('kubernetes-basics-2')
    const taken = await bob.request('/api/v1/decks', { method: 'POST', json: { name: 'X', slug: 'docker' } })
    expect(await json(taken, 409)).toMatchObject({ code: 'conflict', field: 'slug' })
  })

  it('is listed, studied and answered by its owner only', async () => {
    const mine = await json<Array<{ slug: string; owner: { kind: string } }>>(await ada.request('/api/v1/decks'), 200)
    expect(mine.find((d) => d.slug === slug)?.owner.kind).toBe('user')
    const theirs = await json<Array<{ slug: string }>>(await bob.request('/api/v1/decks'), 200)
    expect(theirs.map((d) => d.slug)).not.toContain(slug)
    expect(theirs.map((d) => d.slug)).toContain('docker')
    const next = await json<{ card: { id: string } }>(await ada.request(`/api/v1/review/next?deck=${slug}`), 200)
    expect(next.card.id).toBe(cardId)
    for (const path of [`/api/v1/review/next?deck=${slug}`, `/api/v1/decks/${slug}/cards`, noteUrl(slug, 'pods.md')])
      expect((await bob.request(path)).status, path).toBe(404)
    const answer = await bob.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating: 'good' } })
    expect(await json(answer, 404)).toMatchObject({ field: 'cardId' })
    expect((await bob.request(`/api/v1/cards/${cardId}/suspend`, { method: 'POST' })).status).toBe(404)
    const quiz = await bob.request('/api/v1/quizzes', { method: 'POST', json: { deck: slug, count: 1 } })
    expect(quiz.status).toBe(404)
    expect((await bob.request(`/decks/${slug}/notes/pods`)).status).toBe(404)
    expect((await bob.request(`/review?deck=${slug}`)).status).toBe(404)
  })

  it('cannot be written by anyone else, and the shipped deck by no one', async () => {
    const res = await putNote(bob, slug, 'evil.md', 'Q? :: A\n')
    expect(res.status).toBe(404)
    const shipped = await putNote(ada, 'docker', 'x.md', 'Q? :: A\n')
    expect(await json(shipped, 403)).toMatchObject({ code: 'forbidden' })
  })

  it('scopes card ids to the deck, so an id marker copied from another deck moves nothing', async () => {
    const stored = await (await ada.request(noteUrl(slug, 'pods.md'))).text()
    const marker = /<!-- card: (\w+) -->/.exec(stored)?.[1]
    expect(marker).toMatch(/^[0-9a-f]{12}$/)
    const other = await createDeck(bob, { name: 'Copy' })
    const copied = await writeNote(bob, other, 'x.md', `Anything? :: yes <!-- card: ${marker} -->\n`)
    expect(copied.cards[0]?.id).not.toBe(cardId)
    const [original] = await t.db.select().from(cards).where(eq(cards.id, cardId))
    expect([original?.deck, original?.prompt]).toEqual([slug, 'Smallest deployable unit?'])
  })

  it('answers errors in a note with 422 naming file and line, and writes nothing', async () => {
    const before = await t.db.select().from(deckNotes)
    const res = await putNote(
      ada,
      slug,
      'bad.md',
      'A? :: one <!-- card: aaaaaaaaaaaa -->\n\nB? :: two <!-- card: aaaaaaaaaaaa -->\n',
    )
    const problem = await json<{ code: string; errors: Array<{ file: string; line: number; code: string }> }>(res, 422)
    expect(problem.code).toBe('invalid_notes')
    expect(problem.errors).toEqual([expect.objectContaining({ file: 'bad.md', line: 3, code: 'duplicate-id' })])
    expect(await t.db.select().from(deckNotes)).toEqual(before)
  })

  it('refuses paths that could escape the deck, and notes over the size limit', async () => {
    for (const path of ['../x.md', '/etc/passwd.md', '.hidden.md', 'a/../b.md', 'notes.txt', 'a\\b.md']) {
      const res = await putNote(ada, slug, path, 'Q? :: A\n')
      expect(await json(res, 400), path).toMatchObject({ field: 'path' })
    }
    const big = `${'x'.repeat(deckLimits.noteBytes)}\n`
    expect((await putNote(ada, slug, 'big.md', big)).status).toBe(413)
  })

  it('returns the warnings of a note with the cards it makes', async () => {
    const note = await writeNote(ada, slug, 'warn.md', '# Warn\n\n## Empty section\n\nJust prose, no card.\n')
    expect(note.cards).toEqual([])
    expect(note.warnings).toEqual([expect.objectContaining({ file: 'warn.md', code: 'heading-without-cards' })])
  })

  it('answers 501 for uploads where no compiler is installed (the Worker)', async () => {
    const bare = createApp({ database: () => t.db, clock: () => t.clock.now })
    const session = [...ada.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await bare.request(`http://127.0.0.1:8787${noteUrl(slug, 'pods.md')}`, {
      method: 'PUT',
      headers: { cookie: session, 'content-type': 'text/markdown' },
      body: 'Q? :: A\n',
    })
    expect(await json(res, 501)).toMatchObject({ code: 'not_implemented' })
  })

  it('answers 501 to deleting a note, importing and exporting where no deck tools are installed (the Worker)', async () => {
    await writeNote(ada, slug, 'kept.md', 'Kept? :: Yes\n')
    const bare = createApp({ database: () => t.db, clock: () => t.clock.now })
    const cookie = [...ada.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const origin = 'http://127.0.0.1:8787'
    const form = new FormData()
    form.append('file', new File(['Q? :: A\n'], 'q.md', { type: 'text/markdown' }))
    const requests: [string, RequestInit][] = [
      [noteUrl(slug, 'kept.md'), { method: 'DELETE' }],
      [`/api/v1/decks/${slug}/import`, { method: 'POST', body: form }],
      [`/api/v1/decks/${slug}/export?format=csv`, { method: 'GET' }],
    ]
    for (const [path, init] of requests) {
      const res = await bare.request(`${origin}${path}`, { ...init, headers: { cookie, origin } })
      expect(await json(res, 501), `${init.method} ${path}`).toMatchObject({ code: 'not_implemented' })
    }
    expect((await ada.request(noteUrl(slug, 'kept.md'))).status).toBe(200)
  })
})

describe("a team's deck", () => {
  it('is written by team owners, studied by members, and usable by the team’s checks', async () => {
    const t = await createTestApp()
    await seedCheckDeck(t.db)
    const owner = (await signUp(t.app, 'Owner')).browser
    const member = (await signUp(t.app, 'Member')).browser
    const outsider = (await signUp(t.app, 'Outsider')).browser
    const team = await json<{ id: string }>(
      await owner.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } }),
      201,
    )
    const invite = await json<{ code: string }>(
      await owner.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST', json: {} }),
      201,
    )
    await json(await member.request(`/api/v1/invites/${invite.code}/accept`, { method: 'POST' }), 200)
    const refused = await member.request('/api/v1/decks', { method: 'POST', json: { name: 'X', team: team.id } })
    expect(refused.status).toBe(403)
    const slug = await createDeck(owner, { name: 'Runbooks', team: team.id })
    const terms = Array.from({ length: 6 }, (_, i) => `Port of service ${i}? :: ${8000 + i * 7}`).join('\n\n')
    const note = await writeNote(owner, slug, 'ports.md', `# Ports\n\n${terms}\n`)
    expect(note.cards.length).toBe(6)
    expect((await putNote(member, slug, 'x.md', 'Q? :: A\n')).status).toBe(403)
    expect((await member.request(noteUrl(slug, 'ports.md'))).status).toBe(200)
    const answer = await member.request('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: note.cards[0]!.id, rating: 'good' },
    })
    expect(answer.status).toBe(201)
    expect((await outsider.request(`/api/v1/decks/${slug}/cards`)).status).toBe(404)
    const check = await owner.request(`/api/v1/teams/${team.id}/checks`, {
      method: 'POST',
      json: { title: 'Ports', deck: slug, questionCount: 3 },
    })
    expect(check.status).toBe(201)
    const personal = await createDeck(owner, { name: 'Mine' })
    await writeNote(owner, personal, 'a.md', `# A\n\n${terms}\n`)
    const fromPersonal = await owner.request(`/api/v1/teams/${team.id}/checks`, {
      method: 'POST',
      json: { title: 'Mine', deck: personal, questionCount: 3 },
    })
    expect(await json(fromPersonal, 400)).toMatchObject({ field: 'deck' })
  })
})
