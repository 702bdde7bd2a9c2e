import { Hono } from 'hono/tiny'
import { listDecks, loadProgress, readiness, resolveDeck } from '#data'
import type { AppEnv } from '../../env'
import { progressQuerySchema } from '../../schemas/progress'
import { validate } from '../../validation'
import { ReadinessPanel } from '../../views/components/readiness-panel'
import { ProgressPage } from '../../views/pages/progress'
import { signedIn } from './signed-in'

/** The progress dashboard (issue 5). */
export const progressPages = new Hono<AppEnv>().get(
  '/progress',
  signedIn,
  validate('query', progressQuerySchema),
  async (c) => {
    const deck = await resolveDeck(c.var.db, c.req.valid('query').deck, c.var.user.userId)
    const ctx = c.var.user
    const decks = (await listDecks(c.var.db, c.var.user.userId)).map((d) => ({ slug: d.slug, title: d.title }))
    // Readiness is per deck: the one shown, else the first.
    const examDeck = deck ?? decks[0]?.slug
    const [progress, ready] = await Promise.all([
      loadProgress(ctx, deck),
      examDeck ? readiness(ctx, examDeck) : undefined,
    ])
    const panel = ready ? <ReadinessPanel readiness={ready} /> : undefined
    return c.render(<ProgressPage progress={progress} decks={decks} deck={deck} readiness={panel} />, {
      title: 'Progress',
      styles: ['charts.css', 'progress.css', 'exam.css'],
    })
  },
)
