import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { compileDeck } from '../../../src/content/compile-deck'
import { fileTitle, isNotePath, pathTopic, readFolder } from '../../../src/content/folder'
import { readUpload } from '../../../src/content/import/index'
import { loadContent, loadDeck, loadNotes } from '../../../src/content/load'

const root = mkdtempSync(join(tmpdir(), 'dockdeck-folder-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A vault as Obsidian leaves it: loose notes, sub-folders, its own settings, a picture. */
const vault: Record<string, string> = {
  'intro.md': '# Docker in one page\n\nWhat is Docker? :: a container platform\n',
  'networking/overlay/vxlan.md': 'VXLAN port? :: 4789/udp\n',
  'networking/bridge.md': '---\ntitle: The default bridge\n---\n\nDefault bridge network? :: docker0\n',
  'storage/volumes.md': '---\ntopic: volumes\n---\n## Volumes\n\nWhere do volumes live? :: /var/lib/docker/volumes\n',
  'storage/cheat sheet.markdown': 'List volumes? :: docker volume ls\n',
  '.obsidian/workspace.md': 'Not :: a note\n',
  '.trash/old.md': 'Deleted :: note\n',
  'networking/.hidden.md': 'Hidden :: note\n',
  'networking/diagram.png': 'not text',
  'notes.txt': 'Plain :: text\n',
}

function writeVault(dir: string): string {
  for (const [path, text] of Object.entries(vault)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const topicsOf = (deck: { topics: ReadonlyArray<{ slug: string; title: string; file: string }> }) =>
  deck.topics.map((topic) => [topic.file, topic.slug, topic.title])

const expectedTopics = [
  ['intro.md', 'intro', 'Docker in one page'],
  ['networking/bridge.md', 'networking-bridge', 'The default bridge'],
  ['networking/overlay/vxlan.md', 'networking-overlay-vxlan', 'Vxlan'],
  ['storage/cheat sheet.markdown', 'storage-cheat-sheet', 'Cheat sheet'],
  ['storage/volumes.md', 'volumes', 'Volumes'],
]

// The deck folder is written by one step and read by the next ones.
describe('reading a folder of notes', { shuffle: false }, () => {
  it('takes Markdown at any depth and skips hidden folders and files and other files', () => {
    expect(Object.keys(vault).filter(isNotePath)).toEqual([
      'intro.md',
      'networking/overlay/vxlan.md',
      'networking/bridge.md',
      'storage/volumes.md',
      'storage/cheat sheet.markdown',
    ])
    expect(['.git/notes.md', 'node_modules/x/README.md', '__MACOSX/a.md', 'a/.b/c.md'].some(isNotePath)).toBe(false)
  })

  it('lists the notes in path order whatever order the files come in, and names a file that is not text', async () => {
    const files: Record<string, string> = { ...vault, 'b/junk.md': '\u0000binary' }
    const bytes = (path: string) => strToU8(files[path] ?? '')
    const forwards = await readFolder(Object.keys(files), bytes)
    const backwards = await readFolder(Object.keys(files).reverse(), bytes)
    expect(backwards).toEqual(forwards)
    expect(forwards.notes.map((note) => note.file)).toEqual([
      'intro.md',
      'networking/bridge.md',
      'networking/overlay/vxlan.md',
      'storage/cheat sheet.markdown',
      'storage/volumes.md',
    ])
    expect(forwards.diagnostics.map((item) => [item.file, item.line, item.code])).toEqual([
      ['b/junk.md', 1, 'unreadable-file'],
    ])
  })

  it('names a topic after the note’s path below the deck, folders included', () => {
    expect(pathTopic('intro.md')).toBe('intro')
    expect(pathTopic('networking/overlay/VXLAN notes.md')).toBe('networking-overlay-vxlan-notes')
  })

  it('titles a note without front matter or heading after its file name, as written', () => {
    expect(['VXLAN.md', 'net/cheat_sheet.md', 'runtime-notes.markdown', '-.md'].map(fileTitle)).toEqual([
      'VXLAN',
      'Cheat sheet',
      'Runtime notes',
      'Notes',
    ])
  })

  it('defaults deck, topic and title from folder, path and first heading in a deck folder under content/', async () => {
    const deck = await loadDeck(writeVault(join(root, 'content/my-vault')))
    expect(deck.slug).toBe('my-vault')
    expect(deck.diagnostics).toEqual([])
    expect(topicsOf(deck)).toEqual(expectedTopics)
    expect(deck.cards.map((card) => [card.source.file, card.topic, card.deck])).toEqual([
      ['intro.md', 'intro', 'my-vault'],
      ['networking/bridge.md', 'networking-bridge', 'my-vault'],
      ['networking/overlay/vxlan.md', 'networking-overlay-vxlan', 'my-vault'],
      ['storage/cheat sheet.markdown', 'storage-cheat-sheet', 'my-vault'],
      ['storage/volumes.md', 'volumes', 'my-vault'],
    ])
    expect((await loadContent(join(root, 'content'))).map((item) => item.slug)).toEqual(['my-vault'])
  })

  it('reads a deck folder, any other folder and a zipped upload of the same vault alike', async () => {
    const asDeck = await loadDeck(join(root, 'content/my-vault'))
    const asFolder = await loadNotes(writeVault(join(root, 'elsewhere/my-vault')))
    const zip = zipSync(
      Object.fromEntries(Object.entries(vault).map(([path, text]) => [`my-vault/${path}`, strToU8(text)])),
    )
    const upload = await readUpload([{ name: 'my-vault.zip', bytes: zip }], 0)
    const asUpload = compileDeck({
      slug: 'my-vault',
      files: upload.notes.map((note) => ({ file: note.path, text: note.text })),
      strict: false,
    })
    const cards = (deck: typeof asUpload) => deck.cards.map((card) => [card.id, card.topic, card.prompt, card.answer])
    expect(cards(asFolder)).toEqual(cards(asDeck))
    expect(topicsOf(asFolder)).toEqual(expectedTopics)
    // An upload stores `.markdown` as `.md`; everything else is read the same.
    expect(topicsOf(asUpload)).toEqual(
      expectedTopics.map(([file, slug, title]) => [file?.replace('.markdown', '.md'), slug, title]),
    )
    expect(cards(asUpload)).toEqual(cards(asDeck))
  })

  it('loads one note of a deck from a sub-folder with its deck', async () => {
    const deck = await loadNotes(join(root, 'content/my-vault/networking/overlay/vxlan.md'))
    expect([deck.slug, deck.cards.map((card) => [card.topic, card.source.file])]).toEqual([
      'my-vault',
      [['networking-overlay-vxlan', 'networking/overlay/vxlan.md']],
    ])
  })
})

describe('a note in a sub-folder', () => {
  const note = '## Ports\n\n**VXLAN**: the overlay network’s tunnel, on 4789/udp\n\nGossip port? :: 7946\n'
  const compiled = (file: string) =>
    compileDeck({
      slug: 'docker',
      files: [
        { file, text: note },
        { file: 'other.md', text: 'A? :: B\n' },
      ],
      strict: true,
    })
  const cards = (file: string) =>
    compiled(file)
      .cards.filter((card) => card.source.file === file)
      .map((card) => [card.id, card.kind, card.prompt, card.answer])

  it('makes the same cards, with the same ids, as the same note at the top of the deck', () => {
    expect(cards('networking/overlay.md')).toEqual(cards('overlay.md'))
    expect(cards('networking/overlay.md')).toHaveLength(3)
  })

  it('keeps its cards’ ids when it moves to another sub-folder; only its topic follows the path', () => {
    const before = compiled('networking/overlay.md')
    const after = compiled('swarm/networking/overlay.md')
    expect(after.cards.map((card) => card.id).sort()).toEqual(before.cards.map((card) => card.id).sort())
    const topics = (deck: typeof before) => [...new Set(deck.cards.map((card) => card.topic))]
    expect([topics(before), topics(after)]).toEqual([
      ['networking-overlay', 'other'],
      ['other', 'swarm-networking-overlay'],
    ])
  })
})
