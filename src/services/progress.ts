import type { Db } from '../db/index'
import {
  deckExists,
  loadProgress as loadProgressData,
  loadProgressRows,
  type ProgressWindow,
} from '../db/queries/progress'
import { buildProgress, type DayGrid, dayIndexOf, type Progress, progressGrid } from '../domain/progress'
import { createScheduler, recallAt } from '../domain/scheduling'
import { AppError } from '../errors'
import type { UserContext } from './context'

/** The rows to read over `grid`: answers up to the end of today, forecast to the grid's end. */
function windowOf(grid: DayGrid, now: number): ProgressWindow {
  return { now, dayStarts: grid.starts.slice(0, dayIndexOf(grid, now) + 2), until: grid.starts.at(-1) ?? now }
}

/**
 * Study statistics for one user, in their time zone and day boundary (issue 5), for one deck's
 * cards and reviews or (`deck` undefined) every deck's. One round trip reads everything over the
 * last year's grid; a history that started earlier costs a second one over the longer grid.
 */
export async function loadProgress(ctx: UserContext, deck: string | undefined): Promise<Progress> {
  const { db, userId, now, settings } = ctx
  const yearGrid = progressGrid(now, null, settings)
  const data = await loadProgressData(db, userId, deck, windowOf(yearGrid, now))
  if (!data.deckVisible) throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  const grid = progressGrid(now, data.firstReview, settings)
  const rows =
    grid.starts[0] === yearGrid.starts[0] ? data.rows : await loadProgressRows(db, userId, deck, windowOf(grid, now))
  const { w } = createScheduler(settings).parameters
  return buildProgress({
    now,
    settings,
    grid,
    activity: rows.activity,
    cards: rows.cards,
    due: rows.due,
    topics: data.topics,
    recall: (stability, lastReview) => recallAt(w, stability, lastReview, now),
  })
}

/** The deck to report on, or undefined for every deck; an unknown slug is a 404 naming `deck`. */
export async function resolveDeck(db: Db, deck: string | undefined, userId: string) {
  if (!deck) return undefined
  if (!(await deckExists(db, deck, userId)))
    throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  return deck
}
