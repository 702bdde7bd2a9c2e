import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadContent, loadNotes } from '../../../src/content/load'

const root = mkdtempSync(join(tmpdir(), 'dockdeck-load-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(path: string, text: string | Uint8Array): string {
  const full = join(root, path)
  mkdirSync(join(full, '..'), { recursive: true })
  writeFileSync(full, text)
  return full
}

const front = (topic: string) =>
  `---\ndeck: docker\ntopic: ${topic}\ntitle: ${topic} notes\nsources:\n  - https://docs.docker.com/\n---\n`

describe('loading notes from disk', () => {
  write('content/docker/deck.yaml', 'title: Docker\ndescription: Containers from the ground up.\n')
  write('content/docker/b-cli.md', `${front('cli')}\nList containers? :: docker ps\n`)
  write('content/docker/a-oci.md', `${front('oci')}\nReference runtime? :: runc\n`)
  write('content/docker/notes.txt', 'not markdown')
  write('content/empty/.gitkeep', '')

  it('reads each deck under content/ with its deck.yaml, files in name order', async () => {
    const [deck, ...others] = await loadContent(join(root, 'content'))
    expect(others).toEqual([])
    expect([deck?.slug, deck?.title, deck?.description]).toEqual(['docker', 'Docker', 'Containers from the ground up.'])
    expect(deck?.topics.map((topic) => [topic.slug, topic.file, topic.sources])).toEqual([
      ['oci', 'a-oci.md', ['https://docs.docker.com/']],
      ['cli', 'b-cli.md', ['https://docs.docker.com/']],
    ])
    expect(deck?.cards.map((card) => card.answer)).toEqual(['runc', 'docker ps'])
  })

  it('loads one file of a deck folder with its deck, keeping only its cards', async () => {
    const deck = await loadNotes(join(root, 'content/docker/b-cli.md'))
    expect([deck.slug, deck.cards.map((card) => card.topic)]).toEqual(['docker', ['cli']])
  })

  it('names the deck and topic after a loose file without front matter', async () => {
    const deck = await loadNotes(write('loose/My Docker Notes.md', '# Docker\n\nDefault runtime? :: runc\n'))
    expect([deck.slug, deck.topics[0]?.slug, deck.topics[0]?.title, deck.diagnostics]).toEqual([
      'my-docker-notes',
      'my-docker-notes',
      'Docker',
      [],
    ])
  })

  it('reports a binary file in a deck with its file and line and still loads the rest', async () => {
    write('content/bin/ok.md', `${front('ok')}\nFine? :: yes\n`.replace('deck: docker', 'deck: bin'))
    write('content/bin/junk.md', Uint8Array.from([0x23, 0x20, 0x41, 0x0a, 0xff, 0xfe, 0x00]))
    const deck = (await loadContent(join(root, 'content'))).find((item) => item.slug === 'bin')
    expect(deck?.cards.map((card) => card.answer)).toEqual(['yes'])
    expect(deck?.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'junk.md',
        line: 2,
        code: 'unreadable-file',
        message: 'file is not valid UTF-8 text (byte 0xff at offset 4)',
      },
    ])
  })

  it('reports a deck.yaml that is not YAML', async () => {
    write('content/broken/deck.yaml', 'title: [oops\n')
    const deck = (await loadContent(join(root, 'content'))).find((item) => item.slug === 'broken')
    expect(deck?.diagnostics.map((item) => [item.file, item.code])).toEqual([['deck.yaml', 'deck-yaml-invalid']])
  })
})
