import type { Db } from '../db/index'
import { loadProgressBasics, loadProgressRows } from '../db/queries/progress'
import { buildProgress, dayIndexOf, type Progress, progressGrid, recallAt } from '../domain/progress'
import { createScheduler, parseSettings } from '../domain/scheduling'

export interface ProgressQuery {
  db: Db
  userId: string
  now: number
  /** One deck's cards and reviews, or every deck's. */
  deck?: string | undefined
}

/** Study statistics for one user, in their time zone and day boundary (issue 5). */
export async function loadProgress(query: ProgressQuery): Promise<Progress> {
  const { db, userId, now, deck } = query
  const basics = await loadProgressBasics(db, userId, deck)
  const settings = parseSettings(basics.settingsJson)
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
