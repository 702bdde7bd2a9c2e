import { describe, expect, it } from 'vitest'
import { tableNotes } from '../../src/content/import/table'
import { deckLimits } from '../../src/services/deck-limits'

describe('a Quizlet table as notes', () => {
  it('splits a long table into notes each under the note size limit (a 10,000-row TSV was one 548 KB note: 413)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `term ${i} of the list\tdefinition ${i}, with a comma`)
    const notes = tableNotes('long.tsv', rows.join('\n'))
    expect(notes.length).toBeGreaterThan(1)
    for (const note of notes) expect(new TextEncoder().encode(note.text).length).toBeLessThan(deckLimits.noteBytes)
    expect(notes.map((note) => note.path).slice(0, 2)).toEqual(['long.md', 'long-2.md'])
    expect(notes.reduce((sum, note) => sum + note.text.split('\n?\n').length - 1, 0)).toBe(10_000)
  })
})
