import { Hono } from 'hono'
import { listDecks } from '../../db/queries/decks'
import type { AppEnv } from '../../env'
import { loadProgress } from '../../services/progress'
import { validate } from '../../validation'
import { ProgressPage } from '../../views/pages/progress'
import { progressQuerySchema, resolveDeck } from '../progress'
import { signedIn } from './signed-in'

/** The progress dashboard (issue 5). */
export const progressPages = new Hono<AppEnv>().get(
  '/progress',
  signedIn,
  validate('query', progressQuerySchema),
  async (c) => {
    const deck = await resolveDeck(c.var.db, c.req.valid('query').deck)
    const progress = await loadProgress({ db: c.var.db, userId: c.var.caller!.userId, now: c.var.now, deck })
    const decks = (await listDecks(c.var.db)).map((d) => ({ slug: d.slug, title: d.title }))
    // Exam readiness (issue 6) goes in as `readiness={<ReadinessPanel … />}`.
    return c.render(<ProgressPage progress={progress} decks={decks} deck={deck} />, {
      title: 'Progress',
      styles: ['charts.css', 'progress.css'],
    })
  },
)
