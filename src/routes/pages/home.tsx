import { Hono } from 'hono/tiny'
import { listDecks } from '../../db/queries/decks'
import { loadHomeCounts, topicKey } from '../../db/queries/home'
import { sqlWindow } from '../../domain/scheduling'
import type { AppEnv } from '../../env'
import { loadSettings } from '../../services/review'
import { type HomeDeck, HomePage } from '../../views/pages/home'

/** `/`: a welcome for visitors; for a signed-in person every deck and topic with what is due. */
export const homePages = new Hono<AppEnv>().get('/', async (c) => {
  const caller = c.var.caller
  if (!caller) return c.render(<HomePage signedIn={false} decks={[]} doneToday={0} />, { title: 'Home' })
  const { db, now } = c.var
  const [decks, settings] = await Promise.all([listDecks(db), loadSettings(db, caller.userId)])
  const counts = await loadHomeCounts(db, caller.userId, sqlWindow(settings, now))
  // New cards share one daily limit across decks, as the review queue counts them.
  const newQuota = Math.max(0, settings.newCardsPerDay - counts.doneToday.newCards)
  const homeDecks: HomeDeck[] = decks.map((deck) => {
    const topics = deck.topics.map((topic) => {
      const found = counts.topics.get(topicKey(deck.slug, topic.slug)) ?? { due: 0, unseen: 0 }
      return { ...topic, due: found.due, unseen: found.unseen, newToday: Math.min(found.unseen, newQuota) }
    })
    const unseen = topics.reduce((sum, t) => sum + t.unseen, 0)
    return {
      ...deck,
      topics,
      due: topics.reduce((sum, t) => sum + t.due, 0),
      unseen,
      newToday: Math.min(unseen, newQuota),
    }
  })
  return c.render(<HomePage signedIn decks={homeDecks} doneToday={counts.doneToday.total} />, {
    title: 'Home',
    styles: ['decks.css'],
  })
})
