import { State } from '../../domain/scheduling/names'
import type { CompiledCard } from '../types'
import { dayMs, difficultyFromEase, type ImportedState } from './history'

const comment = /<!--SR:((?:!\d{4}-\d{2}-\d{2},\d+,\d+)+)-->/
const entry = /!(\d{4})-(\d{2})-(\d{2}),(\d+),(\d+)/g

/**
 * Obsidian-SR's schedule comments (`<!--SR:!2024-01-15,3,250-->`: due date, interval in days,
 * ease in percent; one `!…` per card of the block, in the order its cards come) as review states
 * of the compiled cards. The comment sits at the end of a one-line card or on the line after a
 * multi-line one: it is looked for from the card's first line to the end of its paragraph.
 * @see https://github.com/st3v3nmw/obsidian-spaced-repetition/blob/master/docs/docs/en/flashcards/overview.md
 */
export function srStates(
  cards: readonly CompiledCard[],
  notes: ReadonlyMap<string, string>,
): Map<string, ImportedState> {
  const states = new Map<string, ImportedState>()
  const blocks = new Map<string, CompiledCard[]>()
  for (const card of cards) {
    const key = `${card.source.file}\u0000${card.source.line}`
    blocks.set(key, [...(blocks.get(key) ?? []), card])
  }
  const lines = new Map<string, string[]>()
  for (const [key, block] of blocks) {
    const first = block[0]!
    const text = notes.get(first.source.file)
    if (text === undefined || !text.includes('<!--SR:')) continue
    let fileLines = lines.get(first.source.file)
    if (!fileLines) {
      fileLines = text.split(/\r\n|\r|\n/)
      lines.set(first.source.file, fileLines)
    }
    const found = findComment(fileLines, first.source.line - 1, blocks, first.source.file, key)
    if (!found) continue
    const schedules = [...found.matchAll(entry)]
    block.forEach((card, index) => {
      const match = schedules[index]
      if (!match) return
      const [, year, month, day, interval, ease] = match
      const due = Date.UTC(Number(year), Number(month) - 1, Number(day))
      if (!Number.isFinite(due)) return
      const days = Math.max(1, Number(interval))
      states.set(card.id, {
        due,
        stability: days,
        difficulty: difficultyFromEase(Number(ease) / 100),
        elapsedDays: 0,
        scheduledDays: days,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: State.Review,
        lastReview: due - days * dayMs,
        suspended: false,
        buriedUntil: null,
      })
    })
  }
  return states
}

function findComment(
  lines: readonly string[],
  from: number,
  blocks: ReadonlyMap<string, unknown>,
  file: string,
  self: string,
): string | undefined {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (index > from && line.trim() === '') return undefined
    if (index > from && blocks.has(`${file}\u0000${index + 1}`) && `${file}\u0000${index + 1}` !== self)
      return undefined
    const match = comment.exec(line)
    if (match) return match[1]
  }
  return undefined
}
