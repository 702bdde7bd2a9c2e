import type { CardMemory } from '../../domain/scheduling/card'

/** A card's memory state as imported: the ts-fsrs columns, plus the study flags. */
export interface ImportedState extends CardMemory {
  suspended: boolean
  buriedUntil: number | null
}

/** One imported answer. Memory state before it is unknown (Anki's SM-2 kept none): 0. */
export interface ImportedLog {
  rating: 1 | 2 | 3 | 4
  /** State before the answer. */
  state: number
  reviewedAt: number
  elapsedDays: number
  lastElapsedDays: number
  scheduledDays: number
  stateAfter: number
  dueAfter: number
  durationMs: number | null
}

/** The history of one imported card, keyed by its id before it is scoped to the deck. */
export interface ImportedCard {
  key: string
  state?: ImportedState
  logs: ImportedLog[]
}

export const dayMs = 86_400_000

/**
 * FSRS difficulty (1 easiest … 10 hardest) for an SM-2 ease (Anki's factor / 1000, Obsidian-SR's
 * ease / 100): 1.3, the floor SM-2 lets a card sink to, is the hardest, 3.5 and above the easiest.
 * A straight line between: SM-2 keeps no difficulty, so this is an estimate FSRS refines with
 * the next answers.
 */
export function difficultyFromEase(ease: number): number {
  const clamped = Math.min(3.5, Math.max(1.3, ease))
  return Math.round((10 - ((clamped - 1.3) / 2.2) * 9) * 100) / 100
}

/** The reverse, for an export to a scheduler that reads SM-2 factors: Anki's permille. */
export function easeFromDifficulty(difficulty: number): number {
  const clamped = Math.min(10, Math.max(1, difficulty))
  return Math.round((1.3 + ((10 - clamped) / 9) * 2.2) * 1000)
}
