import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadNotes } from '../../../src/content/load'

/** The sample notes live beside the project (`../shared/notes`), not in a user's clone. */
const notes = fileURLToPath(new URL('../../../../shared/notes/docker-notes.md', import.meta.url))
const present = existsSync(notes)
if (!present)
  console.warn(`skipping the docker-notes.md tests: ${notes} does not exist (it is not part of the repository)`)

describe.skipIf(!present)('the shared docker-notes.md', () => {
  it('compiles without errors to at least 60 cards, deck and topic named after the file', async () => {
    const deck = await loadNotes(notes)
    expect(deck.diagnostics.filter((item) => item.severity === 'error')).toEqual([])
    expect(deck.cards.length).toBeGreaterThanOrEqual(60)
    expect([deck.slug, deck.topics[0]?.slug, deck.topics[0]?.title]).toEqual([
      'docker-notes',
      'docker-notes',
      'Docker notes',
    ])
  })

  it('reads its bold-term lists, its ASCII diagram and its commands', async () => {
    const { cards } = await loadNotes(notes)
    const find = (prompt: string) => cards.find((card) => card.prompt === prompt)
    expect(find('Common types of namespaces › PID Namespace')?.kind).toBe('basic')
    // "Some common types of namespaces include:" introduces an open list: no "name all 6".
    expect(find('Name the 6 common types of namespaces')).toBeUndefined()
    expect(cards.find((card) => card.kind === 'sequence')?.answer).toBe(
      'Docker client (via restapi) → Docker daemon → containerd → runc → libcontainer',
    )
    expect(cards.filter((card) => card.kind === 'typein').map((card) => card.answer)).toEqual([
      'docker run -p 80:80 nginx',
      'docker COMMAND --help',
    ])
  })
})
