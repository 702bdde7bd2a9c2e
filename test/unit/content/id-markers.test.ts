import { describe, expect, it } from 'vitest'
import { insertMarkers } from '../../../src/content/id-markers'
import { compile } from './compile'

/** Writes the missing markers the way `content:ids` does. */
const withMarkers = (text: string) => insertMarkers(text, compile(text).markerSlots)
const strip = (text: string) => text.replace(/ <!-- card: [0-9a-f]{12} -->/g, '')

const notes = [
  '# Engine',
  '',
  '### Daemon ##',
  '',
  'The daemon is the server process of Docker Engine.',
  '',
  '## Parts',
  '',
  'Parts of the engine:',
  '',
  '- **dockerd**: the daemon  ',
  '- **containerd**: the runtime\\',
  '  that dockerd calls',
  '',
  'Run the hello-world image to check the install:',
  '',
  '```sh',
  'docker run hello-world',
  '```',
  '',
  '```',
  'client -> daemon -> runtime',
  '```',
  '',
  'Default runtime? :: runc',
  '',
  'Already marked? :: yes <!-- card: 0123456789ab -->',
  '',
  'The registry is ==Docker Hub==.',
  '',
].join('\r\n')

describe('id markers', () => {
  it('adds a marker to every unmarked card and changes no other byte', () => {
    const marked = withMarkers(notes)
    expect(strip(marked)).toBe(strip(notes))
    expect(marked).toMatch(/### Daemon <!-- card: [0-9a-f]{12} --> ##\r\n/)
    expect(marked).toMatch(/Parts of the engine: <!-- card: [0-9a-f]{12} -->\r\n/)
    expect(marked).toMatch(/- \*\*dockerd\*\*: the daemon <!-- card: [0-9a-f]{12} --> {2}\r\n/)
    expect(marked).toMatch(/- \*\*containerd\*\*: the runtime <!-- card: [0-9a-f]{12} -->\\\r\n/)
    expect(marked).toMatch(/```sh <!-- card: [0-9a-f]{12} -->\r\n/)
    expect(marked).toMatch(/``` <!-- card: [0-9a-f]{12} -->\r\nclient/)
    expect(marked.match(/<!-- card: /g)?.length).toBe(9)
  })

  it('keeps every card, id and rendering the same once the markers are written', () => {
    const before = compile(notes).cards
    const after = compile(withMarkers(notes)).cards
    const view = (cards: typeof before) =>
      cards.map((card) => [card.id, card.kind, card.prompt, card.answer, card.promptHtml, card.answerHtml])
    expect(view(after)).toEqual(view(before))
    expect(after.every((card) => card.marked)).toBe(true)
  })

  it('changes nothing when run again', () => {
    const once = withMarkers(notes)
    expect(compile(once).markerSlots).toEqual([])
    expect(withMarkers(once)).toBe(once)
  })

  it('writes one marker for a term and its reverse card', () => {
    const marked = withMarkers('**overlay2**: the storage driver Docker prefers\n')
    expect(marked.match(/<!-- card: /g)?.length).toBe(1)
    expect(compile(marked).cards.map((card) => card.id.endsWith('-r'))).toEqual([false, true])
  })
})
