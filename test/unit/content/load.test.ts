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

// One content folder for the file, which later tests add decks to: the first reads it as written.
describe('loading notes from disk', { shuffle: false }, () => {
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

  it('reads the exam blueprint of deck.yaml and warns about topics it leaves out or lacks', async () => {
    const yaml = [
      'title: Exam',
      'blueprint:',
      '  name: T',
      '  title: Test exam',
      '  domains:',
      '    - { slug: one, title: One, weight: 60, topics: [cli, later] }',
      '    - { slug: two, title: Two, weight: 40, topics: [] }',
    ].join('\n')
    write('content/exam/deck.yaml', `${yaml}\n`)
    write('content/exam/cli.md', `${front('cli').replace('docker', 'exam')}\nList containers? :: docker ps\n`)
    write('content/exam/oci.md', `${front('oci').replace('docker', 'exam')}\nReference runtime? :: runc\n`)
    const deck = (await loadContent(join(root, 'content'))).find((item) => item.slug === 'exam')
    expect(deck?.blueprint?.domains.map((d) => [d.slug, d.weight, d.topics])).toEqual([
      ['one', 60, ['cli', 'later']],
      ['two', 40, []],
    ])
    expect(deck?.diagnostics.map((item) => [item.file, item.severity, item.code])).toEqual([
      ['deck.yaml', 'warning', 'blueprint-topic-missing'],
      ['oci.md', 'warning', 'topic-outside-blueprint'],
    ])
  })

  it('refuses a blueprint that puts a topic in two domains, naming it', async () => {
    const yaml =
      'blueprint:\n  name: T\n  title: T\n  domains:\n    - { slug: a, title: A, weight: 1, topics: [x] }\n    - { slug: b, title: B, weight: 1, topics: [x] }\n'
    write('content/twice/deck.yaml', yaml)
    const deck = (await loadContent(join(root, 'content'))).find((item) => item.slug === 'twice')
    expect(deck?.blueprint).toBeUndefined()
    expect(deck?.diagnostics.find((d) => d.code === 'blueprint-invalid')?.message).toMatch(
      /topic `x` is in two domains/,
    )
  })
})
