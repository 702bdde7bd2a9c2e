import { beforeAll, describe, expect, it } from 'vitest'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck, writeNote } from '../helpers/own-deck'
import { seedCheckDeck } from '../helpers/team-deck'

async function html(res: Response, status = 200): Promise<string> {
  const body = await res.text()
  expect(res.status, body.slice(0, 500)).toBe(status)
  return body
}

describe('the /cards pages', () => {
  let t: TestApp
  let ada: Browser
  let bob: Browser
  let slug: string
  let pod: string

  beforeAll(async () => {
    t = await createTestApp()
    await seedCheckDeck(t.db)
    ada = (await signUp(t.app, 'Ada')).browser
    bob = (await signUp(t.app, 'Bob')).browser
    slug = await createDeck(ada, { name: 'Kubernetes' })
    const note = await writeNote(ada, slug, 'pods.md', '# Pods\n\nSmallest deployable unit in Kubernetes? :: a pod\n')
    pod = note.cards[0]!.id
  })

  it('is linked from the nav and sends a visitor who is not signed in to sign in', async () => {
    expect(await html(await ada.request('/'))).toContain('<a href="/cards">Cards</a>')
    const res = await t.app.request('/cards?q=pod')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent('/cards?q=pod')}`)
  })

  it('lists the cards a search finds in a table with a checkbox and a link to each', async () => {
    const page = await html(await ada.request('/cards?q=deployable'))
    expect(page).toContain('<h2 id="results-heading">1 card</h2>')
    expect(page).toContain(`<a href="/cards/${pod}">Smallest deployable unit in Kubernetes?</a>`)
    expect(page).toContain(`name="ids" value="${pod}"`)
    expect(page).toContain('<th scope="col">Prompt</th>')
    expect(page).toMatch(/<form method="post" action="\/cards\/actions"[^>]*>\s*<input type="hidden" name="_csrf"/)
    const none = await html(await bob.request('/cards?q=deployable'))
    expect(none).toContain('0 cards')
    expect(none).not.toContain(pod)
  })

  it('keeps the filters in the form, and answers a bad filter with an error page naming it', async () => {
    const page = await html(await ada.request('/cards?deck=docker&topic=cli&state=new&sort=due'))
    expect(page).toContain('<option value="docker" selected="">')
    expect(page).toContain('<option value="cli" selected="">')
    expect(page).toContain('<option value="new" selected="">')
    expect(page).toContain('10 cards')
    const bad = await html(await ada.request('/cards?state=frozen'), 400)
    expect(bad).toContain('State is missing or not in the expected form.')
  })

  it('suspends the selected cards from the form, then undoes the whole step', async () => {
    const res = await ada.submit('/cards/actions', {
      action: 'suspend',
      ids: 'docker-cli-001',
      back: 'q=&deck=docker&state=&evil=1',
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/cards\?deck=docker&action=[\w-]+$/)
    const after = await html(await ada.request(location))
    expect(after).toContain('Suspended 1 card.')
    expect(after).toContain('docker-cli-001')
    const undoAction = /action="(\/cards\/actions\/[\w-]+\/undo)"/.exec(after)?.[1]
    expect(undoAction).toBeDefined()
    expect(await html(await ada.request('/cards?state=suspended'))).toContain('1 card<')
    const undone = await ada.submit(undoAction!, { back: 'deck=docker' })
    expect(undone.status).toBe(303)
    expect(await html(await ada.request(undone.headers.get('location')!))).toContain(
      'Undone: 1 card back as they were.',
    )
    expect(await html(await ada.request('/cards?state=suspended'))).toContain('0 cards')
  })

  it('refuses the bulk form without its CSRF token, and with no card selected', async () => {
    const forged = await ada.request('/cards/actions', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:8787' },
      body: 'action=suspend&ids=docker-cli-001',
    })
    expect(forged.status).toBe(403)
    const empty = await ada.submit('/cards/actions', { action: 'suspend' })
    expect(await html(empty, 400)).toContain('select at least one card')
  })

  it("shows a card's info page, and another user's card as not found", async () => {
    const page = await html(await ada.request(`/cards/${pod}`))
    expect(page).toContain('Smallest deployable unit in Kubernetes?')
    expect(page).toContain('New: not studied yet.')
    expect(page).toContain('History · 0 answers')
    expect((await bob.request(`/cards/${pod}`)).status).toBe(404)
  })

  it('suspends a card from its page and offers the undo there', async () => {
    const res = await ada.submit('/cards/actions', { action: 'suspend', ids: pod, back: `card=${pod}` })
    const location = res.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/cards/${pod}\\?action=[\\w-]+$`))
    const page = await html(await ada.request(location))
    expect(page).toContain('Suspended 1 card.')
    expect(page).toContain('new, suspended')
    const undo = /action="(\/cards\/actions\/[\w-]+\/undo)"/.exec(page)![1]!
    const back = await ada.submit(undo, { back: `card=${pod}` })
    expect(back.headers.get('location')).toMatch(new RegExp(`^/cards/${pod}\\?action=`))
    expect(await html(await ada.request(back.headers.get('location')!))).toContain('Undone: 1 card back as they were.')
  })
})
