import { percentile } from '../../bench/lib/stats'

/**
 * The learners are scripts answering as fast as the server allows, all from one address: well
 * over the 600 requests and 30 sign-ups a minute a person could make, so the limits are raised.
 */
export const learnersEnv = { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' }

export interface Ack {
  user: number
  key: string
  cardId: string
  rating: string
  /** The review time the server acknowledged (the 201's `review.reviewedAt`), to find its log. */
  reviewedAt: string
}

/** An answer sent and not yet answered: what a kill at this instant may cut in the middle. */
export interface PendingAnswer {
  user: number
  key: string
  cardId: string
}

export interface LoadStats {
  latencies: number[]
  statuses: Map<number, number>
  acks: Ack[]
  /** Requests that failed at the network level (expected only while a server is down). */
  networkErrors: number
  /** Answers (POST /reviews) on the wire right now, by `user/key`. */
  pending: Map<string, PendingAnswer>
}

export function newStats(): LoadStats {
  return { latencies: [], statuses: new Map(), acks: [], networkErrors: 0, pending: new Map() }
}

export interface Learner {
  index: number
  cookie: string
}

const ratings = ['good', 'good', 'again', 'easy', 'good', 'hard'] as const

async function timed(stats: LoadStats, url: string, init?: RequestInit): Promise<Response> {
  const started = performance.now()
  const res = await fetch(url, init)
  stats.latencies.push(performance.now() - started)
  stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1)
  return res
}

/** Signs a learner up through the API; the server hashes the password with its real KDF. */
export async function signUpLearner(origin: string, index: number, run: string): Promise<Learner> {
  const res = await fetch(`${origin}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `learner${index}-${run}@example.com`, password: 'load test password' }),
  })
  if (res.status !== 201) throw new Error(`sign-up ${index}: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const settings = await fetch(`${origin}/api/v1/settings`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ newCardsPerDay: 9999, maxReviewsPerDay: 9999 }),
  })
  if (settings.status !== 200) throw new Error(`settings ${index}: ${settings.status}`)
  return { index, cookie }
}

/**
 * One learner's session: next card, answer with an Idempotency-Key, and now and then the same
 * answer sent twice (a client retry), which must be recorded once. A 201 is an acknowledgement.
 */
export async function study(
  origin: string,
  learner: Learner,
  reviews: number,
  stats: LoadStats,
  shouldStop: () => boolean = () => false,
  keyPrefix = '',
): Promise<void> {
  let previous: string | undefined
  for (let i = 0; i < reviews && !shouldStop(); i++) {
    try {
      // Every third answer goes back to the card answered just before (an early review, as a
      // learner re-checking a card would), so card states build on several logs, not one.
      let cardId = i % 3 === 2 ? previous : undefined
      if (!cardId) {
        const next = await timed(stats, `${origin}/api/v1/review/next?deck=docker`, {
          headers: { cookie: learner.cookie },
        })
        const body = (await next.json()) as { card: { id: string } | null }
        if (!body.card) return
        cardId = body.card.id
      }
      previous = cardId
      const key = `${keyPrefix}l${learner.index}-r${i}`
      const rating = ratings[(learner.index + i) % ratings.length] as string
      const pendingId = `${learner.index}/${key}`
      const send = async () => {
        stats.pending.set(pendingId, { user: learner.index, key, cardId: cardId as string })
        try {
          const res = await timed(stats, `${origin}/api/v1/reviews`, {
            method: 'POST',
            headers: { cookie: learner.cookie, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ cardId, rating }),
          })
          return { status: res.status, body: await res.text() }
        } finally {
          stats.pending.delete(pendingId)
        }
      }
      let res = await send()
      if (i % 10 === 3) res = await send()
      if (res.status === 201) {
        const { review } = JSON.parse(res.body) as { review: { reviewedAt: string } }
        stats.acks.push({ user: learner.index, key, cardId, rating, reviewedAt: review.reviewedAt })
      }
    } catch {
      stats.networkErrors += 1
      if (shouldStop()) return
    }
  }
}

export function report(label: string, stats: LoadStats, wallMs: number): void {
  const requests = stats.latencies.length
  const codes = [...stats.statuses].map(([code, n]) => `${code}×${n}`).join(' ')
  console.log(
    `${label}: ${requests} requests in ${(wallMs / 1000).toFixed(1)} s = ${((requests / wallMs) * 1000).toFixed(0)} req/s; ` +
      `${stats.acks.length} reviews acknowledged (${((stats.acks.length / wallMs) * 1000).toFixed(0)}/s); ` +
      `latency p50 ${percentile(stats.latencies, 50).toFixed(1)} ms, p99 ${percentile(stats.latencies, 99).toFixed(1)} ms; statuses ${codes}`,
  )
}
