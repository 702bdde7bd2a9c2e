import { loadProgressBasics, loadProgressRows } from '../db/queries/progress'
import { buildProgress, dayIndexOf, type Progress, progressGrid } from '../domain/progress'
import { createScheduler, recallAt } from '../domain/scheduling'
import { AppError } from '../errors'
import type { UserContext } from './context'

/**
 * Study statistics for one user, in their time zone and day boundary (issue 5), for one deck's
 * cards and reviews or (`deck` undefined) every deck's.
 */
export async function loadProgress(ctx: UserContext, deck: string | undefined): Promise<Progress> {
  const { db, userId, now, settings } = ctx
  const basics = await loadProgressBasics(db, userId, deck)
  if (!basics.deckVisible) throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  const grid = progressGrid(now, basics.firstReview, settings)
  const rows = await loadProgressRows(db, userId, deck, {
    now,
    dayStarts: grid.starts.slice(0, dayIndexOf(grid, now) + 2),
    until: grid.starts.at(-1) ?? now,
  })
  const { w } = createScheduler(settings).parameters
  return buildProgress({
    now,
    settings,
    grid,
    activity: rows.activity,
    cards: rows.cards,
    due: rows.due,
    topics: basics.topics,
    recall: (stability, lastReview) => recallAt(w, stability, lastReview, now),
  })
}
