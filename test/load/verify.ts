import { createClient } from '@libsql/client'
import { createScheduler, parseSettings, ratingName, ratingNames } from '../../src/domain/scheduling'
import type { Ack, LoadStats, PendingAnswer } from './workload'

export interface Verdict {
  acknowledged: number
  recorded: number
  /** Acknowledged answers with no stored response, or no log on their card at their time. */
  missing: number
  /** Acknowledged answers whose log (same user, card, rating and time) is there more than once. */
  duplicated: number
  /** Acknowledged answers whose stored response names another card or rating. */
  wrongCard: number
  /** Logs without a stored response, or responses without a log (each request had a key). */
  unpaired: number
  /** Answers cut by a kill: on the wire when it landed, and of those, the ones the server had committed. */
  cut: number
  cutCommitted: number
  /** Cut answers whose 201 was already sent: the kill landed after the write and the reply. */
  cutAcknowledged: number
  statesChecked: number
  statesDisagreeing: number
  integrity: string
}

/**
 * Reads the database file after a run. Each acknowledged answer is checked on its own: its
 * Idempotency-Key's stored response names its card and rating, and exactly one log of that user
 * has that card, rating and review time. Logs and stored keys pair up one to one (every request
 * carried a key, and both are written in one batch). Every card state must equal replaying its
 * logs through ts-fsrs from scratch. `cut` are the answers on the wire when a kill landed: each
 * is either committed whole (key and log) or not at all.
 */
export async function verify(dbPath: string, acks: Ack[], run: string, cut: PendingAnswer[] = []): Promise<Verdict> {
  const client = createClient({ url: `file:${dbPath}` })
  const users = await client.execute({
    sql: 'select id, email, settings from users where email like ?',
    args: [`%-${run}@example.com`],
  })
  const userByIndex = new Map<number, { id: string; settings: string }>()
  for (const row of users.rows) {
    const index = Number(/^learner(\d+)-/.exec(String(row.email))?.[1])
    userByIndex.set(index, { id: String(row.id), settings: String(row.settings) })
  }
  const keys = await client.execute('select user_id, key, status, body from idempotency_keys')
  const stored = new Map(
    keys.rows.map((r) => [`${r.user_id}/${r.key}`, { status: Number(r.status), body: String(r.body) }]),
  )
  const logRows = await client.execute(
    "select user_id, card_id, rating, reviewed_at from review_logs where origin = 'review'",
  )
  const logCount = new Map<string, number>()
  const logKey = (user: unknown, card: unknown, rating: unknown, at: unknown) => `${user}/${card}/${rating}/${at}`
  for (const r of logRows.rows) {
    const k = logKey(r.user_id, r.card_id, r.rating, r.reviewed_at)
    logCount.set(k, (logCount.get(k) ?? 0) + 1)
  }
  let missing = 0
  let duplicated = 0
  let wrongCard = 0
  for (const ack of acks) {
    const userId = userByIndex.get(ack.user)?.id
    const response = stored.get(`${userId}/${ack.key}`)
    const logs =
      logCount.get(
        logKey(userId, ack.cardId, ratingNames.indexOf(ack.rating as never) + 1, Date.parse(ack.reviewedAt)),
      ) ?? 0
    if (!response || logs === 0) missing += 1
    if (logs > 1) duplicated += 1
    if (response) {
      const { review } = JSON.parse(response.body) as {
        review?: { cardId: string; rating: string; reviewedAt: string }
      }
      if (review?.cardId !== ack.cardId || review.rating !== ack.rating || review.reviewedAt !== ack.reviewedAt)
        wrongCard += 1
    }
  }
  // Every request carried a key and 201s store it with the log: one key per log, one log per key.
  const created = [...stored.values()].filter((response) => response.status === 201).length
  const unpaired = Math.abs(logRows.rows.length - created)
  const cutCommitted = cut.filter((answer) => stored.has(`${userByIndex.get(answer.user)?.id}/${answer.key}`)).length
  const acked = new Set(acks.map((ack) => `${ack.user}/${ack.key}`))
  const cutAcknowledged = cut.filter((answer) => acked.has(`${answer.user}/${answer.key}`)).length

  let statesChecked = 0
  let statesDisagreeing = 0
  for (const user of userByIndex.values()) {
    const scheduler = createScheduler(parseSettings(user.settings))
    const logs = await client.execute({
      sql: 'select card_id, rating, reviewed_at from review_logs where user_id = ? and undone_at is null order by id',
      args: [user.id],
    })
    const replayed = new Map<string, ReturnType<typeof scheduler.rate>['next']>()
    for (const log of logs.rows) {
      const cardId = String(log.card_id)
      replayed.set(
        cardId,
        scheduler.rate(replayed.get(cardId) ?? null, ratingName(Number(log.rating)), Number(log.reviewed_at)).next,
      )
    }
    const states = await client.execute({ sql: 'select * from card_states where user_id = ?', args: [user.id] })
    for (const state of states.rows) {
      statesChecked += 1
      const expected = replayed.get(String(state.card_id))
      const same =
        expected !== undefined &&
        expected.due === Number(state.due) &&
        expected.reps === Number(state.reps) &&
        expected.lapses === Number(state.lapses) &&
        expected.state === Number(state.state) &&
        Math.abs(expected.stability - Number(state.stability)) < 1e-9 &&
        Math.abs(expected.difficulty - Number(state.difficulty)) < 1e-9
      if (!same) statesDisagreeing += 1
    }
  }
  const integrity = String((await client.execute('pragma integrity_check')).rows[0]?.[0] ?? '')
  client.close()
  return {
    acknowledged: acks.length,
    recorded: logRows.rows.length,
    missing,
    duplicated,
    wrongCard,
    unpaired,
    cut: cut.length,
    cutCommitted,
    cutAcknowledged,
    statesChecked,
    statesDisagreeing,
    integrity,
  }
}

/**
 * What is wrong after a run, as sentences (none: it passed). Without a crash every request got
 * its answer, so recorded must equal acknowledged and no request may fail on the network; with
 * kills, a review committed just before the process died is recorded but never acknowledged.
 */
export function problemsWith(verdict: Verdict, stats: LoadStats, options: { crashed: boolean }): string[] {
  const serverErrors = [...stats.statuses].filter(([code]) => code >= 500)
  return [
    serverErrors.length ? `5xx responses: ${JSON.stringify(serverErrors)}` : '',
    verdict.acknowledged === 0 ? 'no review was acknowledged' : '',
    verdict.missing ? `${verdict.missing} acknowledged reviews missing` : '',
    verdict.duplicated ? `${verdict.duplicated} acknowledged reviews recorded more than once` : '',
    verdict.wrongCard ? `${verdict.wrongCard} acknowledged reviews stored for another card or rating` : '',
    verdict.unpaired ? `${verdict.unpaired} logs and stored responses do not pair up` : '',
    verdict.statesDisagreeing ? `${verdict.statesDisagreeing} card states disagree with their replayed logs` : '',
    verdict.integrity !== 'ok' ? `integrity_check: ${verdict.integrity}` : '',
    !options.crashed && stats.networkErrors ? `${stats.networkErrors} network errors` : '',
    !options.crashed && verdict.recorded !== verdict.acknowledged
      ? `recorded ${verdict.recorded} ≠ acknowledged ${verdict.acknowledged}`
      : '',
  ].filter(Boolean)
}
