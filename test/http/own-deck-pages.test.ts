import { and, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cards } from '../../src/db/schema'
import { Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { readNote } from '../helpers/own-deck'

const ports = 'Published ports? :: -p host:container\n\nWhat lists running containers? :: docker ps\n'
const volumes = '# Volumes\n\nWhere do named volumes live? :: /var/lib/docker/volumes\n'

function csrfOf(browser: Browser): string {
  return [...browser.cookies].find(([name]) => name.endsWith('dockdeck_csrf'))?.[1] ?? ''
}

/** Posts a multipart form as the page's form would: files in `file`, the CSRF field, same origin. */
async function postMultipart(browser: Browser, path: string, fields: Record<string, string | File[]>) {
  if (!csrfOf(browser)) await browser.request('/decks')
  const form = new FormData()
  form.set('_csrf', csrfOf(browser))
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.set(name, value)
    else for (const file of value) form.append(name, file)
  }
  return browser.request(path, { method: 'POST', body: form, headers: { origin: browser.origin } })
}

const mdFile = (name: string, text: string) => new File([text], name, { type: 'text/markdown' })

async function page(res: Response, status: number): Promise<string> {
  const body = await res.text()
  expect(res.status, body.slice(0, 400)).toBe(status)
  return body
}

/** The editor's textarea as the browser would read it: the newline after `<textarea>` is not part of it. */
function textareaOf(html: string): string {
  const match = /<textarea[^>]*>\n?([\s\S]*?)<\/textarea>/.exec(html)
  return (match?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

async function liveCards(t: TestApp, deck: string) {
  return t.db
    .select()
    .from(cards)
    .where(and(eq(cards.deck, deck), isNull(cards.retiredAt)))
}

describe('own decks in the browser: create, upload, edit, preview, delete, export', () => {
  let t: TestApp
  let ada: Browser
  let slug: string

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
  })

  it('creates a deck from the form and lands on its notes page', async () => {
    const empty = await page(await ada.request('/decks'), 200)
    expect(empty).toContain('None yet')
    expect(empty).toMatch(/<label for="deck-name">Deck name<\/label>/)
    const res = await ada.submit('/decks', { name: 'Docker basics' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/decks/docker-basics/notes')
    slug = 'docker-basics'
    const notes = await page(await ada.request('/decks/docker-basics/notes'), 200)
    expect(notes).toContain('No notes yet')
    expect(await page(await ada.request('/decks'), 200)).toContain('href="/decks/docker-basics/notes"')
  })

  it('shows a bad deck form again with the message, the field marked and the name kept', async () => {
    const blank = await page(await ada.submit('/decks', { name: '  ' }), 400)
    expect(blank).toContain('name: is required')
    expect(blank).toMatch(/id="deck-name"[^>]*aria-invalid="true"/)
    const taken = await page(await ada.submit('/decks', { name: 'Again', slug: 'docker-basics' }), 409)
    expect(taken).toContain('slug: &quot;docker-basics&quot; is taken')
    expect(taken).toMatch(/id="deck-name"[^>]*value="Again"/)
  })

  it('refuses a form without the CSRF field', async () => {
    const res = await ada.request('/decks', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ada.origin },
      body: 'name=Sneaky',
    })
    expect(res.status).toBe(403)
    const multipart = new FormData()
    multipart.append('file', mdFile('x.md', 'A? :: b\n'))
    const upload = await ada.request(`/decks/${slug}/upload`, {
      method: 'POST',
      body: multipart,
      headers: { origin: ada.origin },
    })
    expect(upload.status).toBe(403)
    expect(await liveCards(t, slug)).toHaveLength(0)
  })

  it('uploads two Markdown files at once and lists them', async () => {
    const res = await postMultipart(ada, `/decks/${slug}/upload`, {
      file: [mdFile('ports.md', ports), mdFile('volumes.md', volumes)],
    })
    const html = await page(res, 200)
    expect(html).toContain('Imported 2 notes with 3 cards')
    expect(html).toContain('href="/decks/docker-basics/note?path=ports.md"')
    expect(html).toContain('href="/decks/docker-basics/note?path=volumes.md"')
    expect(await liveCards(t, slug)).toHaveLength(3)
  })

  it('shows an upload error naming the file and line, and imports nothing of it', async () => {
    const bad = 'A? :: one <!-- card: aaaaaaaaaaaa -->\n\nB? :: two <!-- card: aaaaaaaaaaaa -->\n'
    const res = await postMultipart(ada, `/decks/${slug}/upload`, {
      file: [mdFile('fine.md', 'Fine? :: yes\n'), mdFile('dupes.md', bad)],
    })
    const html = await page(res, 422)
    expect(html).toMatch(/role="alert"[\s\S]*dupes\.md:3/)
    expect(await liveCards(t, slug)).toHaveLength(3)
    const other = await page(
      await postMultipart(ada, `/decks/${slug}/upload`, { file: [mdFile('x.pdf', '%PDF')] }),
      422,
    )
    expect(other).toContain('x.pdf: not a file type that imports')
  })

  it('opens a note in the editor with its Markdown and a preview of its cards', async () => {
    const html = await page(await ada.request(`/decks/${slug}/note?path=ports.md`), 200)
    expect(textareaOf(html)).toBe(await readNote(ada, slug, 'ports.md'))
    expect(html).toContain('Preview: 2 cards')
    expect(html).toMatch(/<label for="note-text">Markdown<\/label>/)
    expect(html).toMatch(/<button type="submit" name="action" value="preview"/)
    expect(html).toContain('/assets/note-editor.js')
  })

  it('previews a change without saving it, as a page and as the live fragment', async () => {
    const stored = await readNote(ada, slug, 'ports.md')
    const changed = `${stored}\nWhat removes a container? :: docker rm\n`
    const fields = { path: 'ports.md', from: 'ports.md', text: changed, action: 'preview' }
    const html = await page(await postMultipart(ada, `/decks/${slug}/note`, fields), 200)
    expect(html).toContain('Preview: 3 cards')
    expect(textareaOf(html)).toBe(changed)
    if (!csrfOf(ada)) throw new Error('no CSRF cookie')
    const form = new FormData()
    for (const [name, value] of Object.entries({ ...fields, _csrf: csrfOf(ada) })) form.set(name, value)
    const fragment = await ada.request(`/decks/${slug}/note`, {
      method: 'POST',
      body: form,
      headers: { origin: ada.origin, 'x-preview': 'fragment' },
    })
    const part = await page(fragment, 200)
    expect(part.startsWith('<h2 id="preview-heading">Preview: 3 cards</h2>')).toBe(true)
    expect(part).not.toContain('<html')
    expect(await readNote(ada, slug, 'ports.md')).toBe(stored)
    expect(await liveCards(t, slug)).toHaveLength(3)
  })

  it('saves a reworded note: the card keeps its id, and the editor says so', async () => {
    const before = (await liveCards(t, slug)).find((card) => card.prompt === 'Published ports?')!
    const stored = await readNote(ada, slug, 'ports.md')
    const text = stored.replace('Published ports?', 'Which flag publishes a port?')
    const res = await postMultipart(ada, `/decks/${slug}/note`, {
      path: 'ports.md',
      from: 'ports.md',
      text,
      action: 'save',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/decks/${slug}/note?path=ports.md&saved=1`)
    const after = (await liveCards(t, slug)).find((card) => card.id === before.id)
    expect(after?.prompt).toBe('Which flag publishes a port?')
    expect(await page(await ada.request(res.headers.get('location')!), 200)).toContain('Saved.')
  })

  it('writes a new note from the editor and renames one with its cards', async () => {
    expect(await page(await ada.request(`/decks/${slug}/note`), 200)).toContain('<h1>New note</h1>')
    const created = await postMultipart(ada, `/decks/${slug}/note`, {
      path: 'images.md',
      text: 'What lists images? :: docker images\n',
      action: 'save',
    })
    expect(created.status).toBe(303)
    const volumeCard = (await liveCards(t, slug)).find((card) => card.sourceFile === 'volumes.md')!
    const renamed = await postMultipart(ada, `/decks/${slug}/note`, {
      path: 'storage/volumes.md',
      from: 'volumes.md',
      text: await readNote(ada, slug, 'volumes.md'),
      action: 'save',
    })
    expect(renamed.status).toBe(303)
    expect(renamed.headers.get('location')).toBe(`/decks/${slug}/note?path=storage%2Fvolumes.md&saved=1`)
    const moved = (await liveCards(t, slug)).find((card) => card.id === volumeCard.id)
    expect(moved?.sourceFile).toBe('storage/volumes.md')
    const list = await page(await ada.request(`/decks/${slug}/notes`), 200)
    expect(list).toContain('href="/decks/docker-basics/note?path=storage%2Fvolumes.md"')
    expect(list).not.toContain('path=volumes.md"')
  })

  it('keeps an unsaveable note on the page with its errors, and saves nothing', async () => {
    const bad = 'A? :: one <!-- card: bbbbbbbbbbbb -->\n\nB? :: two <!-- card: bbbbbbbbbbbb -->\n'
    const res = await postMultipart(ada, `/decks/${slug}/note`, { path: 'bad.md', text: bad, action: 'save' })
    const html = await page(res, 422)
    expect(html).toMatch(/role="alert"[\s\S]*bad\.md:3/)
    expect(textareaOf(html)).toBe(bad)
    const badPath = await page(
      await postMultipart(ada, `/decks/${slug}/note`, { path: '../up.md', text: 'x', action: 'save' }),
      400,
    )
    expect(badPath).toContain('path:')
    expect((await ada.request(`/api/v1/decks/${slug}/notes/bad.md`)).status).toBe(404)
  })

  it('deletes a note from the notes page: its cards retire, their rows stay', async () => {
    const image = (await liveCards(t, slug)).find((card) => card.sourceFile === 'images.md')!
    const res = await ada.submit(`/decks/${slug}/note/delete`, { path: 'images.md' })
    expect(res.status).toBe(303)
    const html = await page(await ada.request(res.headers.get('location')!), 200)
    expect(html).toContain('Deleted images.md')
    expect(html).not.toContain('path=images.md')
    const [row] = await t.db.select().from(cards).where(eq(cards.id, image.id))
    expect(row?.retiredAt).not.toBeNull()
  })

  it('offers the exports as links that download the deck', async () => {
    const html = await page(await ada.request(`/decks/${slug}/notes`), 200)
    for (const format of ['apkg', 'csv', 'tsv', 'md'])
      expect(html).toContain(`href="/api/v1/decks/${slug}/export?format=${format}"`)
    const apkg = await ada.request(`/api/v1/decks/${slug}/export?format=apkg`)
    expect(apkg.status).toBe(200)
    expect(apkg.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.apkg"/)
  })

  it('links "E" on the answer side to the note editor at the card’s line, for the deck’s owner', async () => {
    const card = (await liveCards(t, slug)).find((c) => c.sourceFile === 'ports.md')!
    const shownAt = new Date(t.clock.now).toISOString()
    const html = await page(
      await ada.request(`/review/answer?${new URLSearchParams({ deck: slug, card: card.id, shownAt })}`),
      200,
    )
    const edit = `/decks/${slug}/note?path=ports.md&amp;line=${card.sourceLine}`
    expect(html).toContain(`<a id="edit-link" href="${edit}" data-key="e">Edit the note</a>`)
    const help = await page(await ada.request('/help'), 200)
    expect(help).toMatch(/<kbd>E<\/kbd>[\s\S]*in a deck of your own, its editor/)
  })

  it('links the deck page to the notes for its owner only', async () => {
    expect(await page(await ada.request(`/decks/${slug}`), 200)).toContain(`href="/decks/${slug}/notes"`)
  })

  it('hides a deck’s pages from other users, and lets only team owners change a team deck', async () => {
    const bob = (await signUp(t.app, 'Bob')).browser
    for (const path of [`/decks/${slug}/notes`, `/decks/${slug}/note?path=ports.md`])
      expect((await bob.request(path)).status).toBe(404)
    expect((await bob.submit(`/decks/${slug}/note/delete`, { path: 'ports.md' })).status).toBe(404)

    const team = (await (await ada.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })).json()) as {
      id: string
    }
    const form = await page(await ada.request('/decks'), 200)
    expect(form).toContain(`<option value="${team.id}">Team: Ops</option>`)
    const created = await ada.submit('/decks', { name: 'Ops runbook', team: team.id })
    expect(created.status).toBe(303)
    const invite = (await (
      await ada.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST', json: {} })
    ).json()) as { code: string }
    expect((await bob.request(`/api/v1/invites/${invite.code}/accept`, { method: 'POST' })).status).toBe(200)
    expect((await bob.request('/decks/ops-runbook/notes')).status).toBe(403)
    expect(await page(await bob.request('/decks/ops-runbook'), 200)).not.toContain('/decks/ops-runbook/notes')
    expect(await page(await bob.request('/decks'), 200)).not.toContain('ops-runbook')
  })

  it('answers 501 on a server without the deck pages (the Worker), saying where they run', async () => {
    const worker = await createTestApp({ deps: { deckPages: undefined, deckTools: undefined } })
    const carol = (await signUp(worker.app, 'Carol')).browser
    for (const path of ['/decks', '/decks/anything/notes', '/decks/anything/note?path=a.md']) {
      const html = await page(await carol.request(path), 501)
      expect(html).toContain('on the Node server only')
    }
    expect((await new Browser(worker.app).request('/decks')).status).toBe(303)
  })
})
