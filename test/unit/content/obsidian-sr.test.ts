import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { insertMarkers } from '../../../src/content/id-markers'
import { compile, shapes } from './compile'

/**
 * Obsidian-SR compatibility, card for card: the fixture holds one example of each syntax its
 * docs describe (docs/docs/en/flashcards/q-and-a-cards.md, cloze-cards.md,
 * cards-with-blank-lines.md, data-storage.md), and the expected cards are those the docs give.
 */
const md = readFileSync(new URL('../../fixtures/obsidian-sr/flashcards.md', import.meta.url), 'utf8')

describe('Obsidian-SR notes', () => {
  it('give the cards its docs give', () => {
    expect(shapes(md)).toEqual([
      ['basic', 'Which daemon does the docker CLI talk to?', 'dockerd'],
      ['basic', 'runc', 'the reference OCI runtime'],
      ['reverse', 'the reference OCI runtime', 'runc'],
      ['basic', 'Which three parts make up Docker Engine', 'the daemon, the API and the CLI'],
      ['basic', 'containerd shim', "the process that keeps a container's stdio open"],
      ['reverse', "the process that keeps a container's stdio open", 'containerd shim'],
      [
        'basic',
        'Which file lists the media types?',
        'media typewhatapplication/vnd.oci.image.manifest.v1+jsona manifest',
      ],
      ['cloze', "Docker's default runtime is […] and its default storage driver is overlay2.", 'runc'],
      ['cloze', "Docker's default runtime is runc and its default storage driver is […].", 'overlay2'],
      ['cloze', 'A manifest lists [what the image is made of] and one config.', 'layers'],
      ['cloze', 'A manifest lists layers and one […].', 'config'],
      ['cloze', 'The daemon listens on [a Unix socket] by default.', '/var/run/docker.sock'],
      ['cloze', '[…] calls runc.', 'containerd'],
      ['cloze', 'containerd calls […].', 'runc'],
    ])
  })

  it('warns, with the line number, about a line that looks like a card but is not one', () => {
    const warnings = compile(md).diagnostics.filter((d) => d.code === 'card-not-parsed')
    expect(warnings.map((d) => d.line)).toEqual([
      md.split('\n').findIndex((l) => l.startsWith('A paragraph of prose')) + 1,
    ])
  })

  it('keeps its <!--SR:…--> scheduling comments intact when id markers are written', () => {
    const { markerSlots } = compile(md)
    const marked = insertMarkers(md, markerSlots)
    expect(marked).toContain('\n<!--SR:!2026-08-16,51,230-->\n')
    expect(marked.replace(/ ?<!-- card: [0-9a-f]{12} -->/g, '')).toBe(md)
  })

  it('makes no tight `Q::A` card in a note without the #flashcards tag', () => {
    expect(compile('Which daemon?::dockerd\n').cards).toEqual([])
  })
})
