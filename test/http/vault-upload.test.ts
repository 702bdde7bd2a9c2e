import { and, eq, isNull } from 'drizzle-orm'
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cards, topics } from '../../src/db/schema'
import { type Browser, createTestApp, signUp, type TestApp } from '../helpers/app'
import { createDeck } from '../helpers/own-deck'
import { importFiles } from '../helpers/upload'

/** An Obsidian vault zipped from its folder: loose notes and sub-folders, none with front matter but one. */
const vault = {
  'Docker vault/Intro.md': '# Docker in one page\n\nWhat is Docker? :: a container platform\n',
  'Docker vault/networking/overlay/VXLAN.md': 'VXLAN port? :: 4789/udp\n',
  'Docker vault/networking/bridge.md': 'Default bridge network? :: docker0\n',
  'Docker vault/storage/volumes.md':
    '---\ndeck: somewhere-else\ntopic: volumes\ntitle: Volumes\n---\n\nList volumes? :: docker volume ls\n',
  'Docker vault/.obsidian/workspace.md': 'Not :: a note\n',
  'Docker vault/.trash/old.md': 'Deleted :: note\n',
  'Docker vault/networking/diagram.png': 'not a note',
}
const zip = () => zipSync(Object.fromEntries(Object.entries(vault).map(([path, text]) => [path, strToU8(text)])))

interface ImportAnswer {
  notes: string[]
  cards: number
  warnings: Array<{ file: string; code: string }>
}

describe('uploading a zipped vault with sub-folders and notes without front matter', () => {
  let t: TestApp
  let ada: Browser
  let slug: string

  beforeAll(async () => {
    t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
    slug = await createDeck(ada, { name: 'My vault' })
  })

  const topicRows = async (deck: string) =>
    (await t.db.select().from(topics).where(eq(topics.deck, deck))).map((row) => [row.file, row.slug, row.title])

  it('reads every note at every level into the deck it is uploaded into, topics from paths, titles from headings', async () => {
    const res = await importFiles(ada, slug, [{ name: 'Docker vault.zip', content: zip() }])
    const body = await res.text()
    expect(res.status, body).toBe(200)
    const answer = JSON.parse(body) as ImportAnswer
    expect(answer.notes).toEqual([
      'Intro.md',
      'networking/bridge.md',
      'networking/overlay/VXLAN.md',
      'storage/volumes.md',
    ])
    expect(answer.cards).toBe(4)
    // The deck uploaded into wins over a front matter naming another, and the author hears of it.
    expect(answer.warnings).toEqual([
      expect.objectContaining({ file: 'storage/volumes.md', code: 'front-matter-deck' }),
    ])
    expect((await topicRows(slug)).sort()).toEqual([
      ['Intro.md', 'intro', 'Docker in one page'],
      ['networking/bridge.md', 'networking-bridge', 'Bridge'],
      ['networking/overlay/VXLAN.md', 'networking-overlay-vxlan', 'VXLAN'],
      ['storage/volumes.md', 'volumes', 'Volumes'],
    ])
    const live = await t.db
      .select()
      .from(cards)
      .where(and(eq(cards.deck, slug), isNull(cards.retiredAt)))
    expect(live.map((row) => [row.sourceFile, row.topic, row.prompt]).sort()).toEqual([
      ['Intro.md', 'intro', 'What is Docker?'],
      ['networking/bridge.md', 'networking-bridge', 'Default bridge network?'],
      ['networking/overlay/VXLAN.md', 'networking-overlay-vxlan', 'VXLAN port?'],
      ['storage/volumes.md', 'volumes', 'List volumes?'],
    ])
  })

  it('reads the same vault the same way through the deck page’s upload form', async () => {
    const other = await createDeck(ada, { name: 'Same vault' })
    await ada.request('/decks')
    const csrf = [...ada.cookies].find(([name]) => name.endsWith('dockdeck_csrf'))?.[1] ?? ''
    const form = new FormData()
    form.set('_csrf', csrf)
    form.append('file', new File([zip() as BlobPart], 'Docker vault.zip', { type: 'application/zip' }))
    const res = await ada.request(`/decks/${other}/upload`, {
      method: 'POST',
      body: form,
      headers: { origin: ada.origin },
    })
    expect(res.status, (await res.text()).slice(0, 300)).toBe(200)
    expect((await topicRows(other)).sort()).toEqual((await topicRows(slug)).sort())
  })
})
