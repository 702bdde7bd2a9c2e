import { getCookie } from 'hono/cookie'
import { Hono } from 'hono/tiny'
import { hasReviewed, listDecks, loadHomeCounts } from '#data'
import { dailyQuota, sqlWindow } from '../../domain/scheduling'
import type { AppEnv } from '../../env'
import { topicKey } from '../../format'
import { type HomeDeck, HomePage } from '../../views/pages/home'
import { WelcomePage } from '../../views/pages/welcome'
import { welcomedCookie } from './help'

/** `/`: a welcome for visitors; for a signed-in person every deck and topic with what is due. */
export const homePages = new Hono<AppEnv>().get('/', async (c) => {
  const user = c.var.user
  if (!user) return c.render(<HomePage signedIn={false} decks={[]} doneToday={0} />, { title: 'Home' })
  const { db, now, userId, settings } = user
  const [decks, counts, reviewed] = await Promise.all([
    listDecks(db, userId),
    loadHomeCounts(db, userId, sqlWindow(settings, now)),
    getCookie(c, welcomedCookie) ? true : hasReviewed(db, userId),
  ])
  // New cards and reviews share daily limits across decks, as the review queue counts them;
  // learning cards are never held back.
  let reviewsDue = 0
  for (const t of counts.topics.values()) reviewsDue += t.due - t.learning
  const quota = dailyQuota(settings, counts.doneToday, reviewsDue)
  const newQuota = quota.new
  const dueToday = (learning: number, due: number) => learning + Math.min(due - learning, quota.review)
  const homeDecks: HomeDeck[] = decks.map((deck) => {
    const found = deck.topics.map((topic) => counts.topics.get(topicKey(deck.slug, topic.slug)))
    const topics = deck.topics.map((topic, i) => {
      const { due, learning, unseen } = found[i] ?? { due: 0, learning: 0, unseen: 0 }
      return { ...topic, due: dueToday(learning, due), unseen, newToday: Math.min(unseen, newQuota) }
    })
    const sum = (pick: (t: { due: number; learning: number; unseen: number }) => number) =>
      found.reduce((total, t) => total + (t ? pick(t) : 0), 0)
    const unseen = sum((t) => t.unseen)
    return {
      ...deck,
      topics,
      due: dueToday(
        sum((t) => t.learning),
        sum((t) => t.due),
      ),
      unseen,
      newToday: Math.min(unseen, newQuota),
    }
  })
  const welcome = reviewed ? null : (
    <WelcomePage
      newCardsPerDay={settings.newCardsPerDay}
      maxReviewsPerDay={settings.maxReviewsPerDay}
      examDate={settings.examDate ?? null}
      firstRun={{ csrfToken: c.var.csrfToken }}
    />
  )
  return c.render(<HomePage signedIn decks={homeDecks} doneToday={counts.doneToday.total} welcome={welcome} />, {
    title: 'Home',
    styles: ['decks.css'],
  })
})
