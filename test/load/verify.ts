import { createClient } from '@libsql/client'
import { createScheduler, parseSettings, ratingName } from '../../src/domain/scheduling'
import type { Ack, LoadStats } from './workload'

export interface Verdict {
  acknowledged: number
  recorded: number
  missing: number
  duplicated: number
  statesChecked: number
  statesDisagreeing: number
  integrity: string
}

/**
 * Reads the database file after a run: every acknowledged review must be recorded exactly once
 * (one log per idempotency key, one key per log), and every card state must equal replaying its
 * logs through ts-fsrs from scratch.
 */
export async function verify(dbPath: string, acks: Ack[], run: string): Promise<Verdict> {
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
  const keys = await client.execute('select user_id, key from idempotency_keys')
  const stored = new Set(keys.rows.map((r) => `${r.user_id}/${r.key}`))
  let missing = 0
  for (const ack of acks) if (!stored.has(`${userByIndex.get(ack.user)?.id}/${ack.key}`)) missing += 1
  const logCount = Number(
    (await client.execute("select count(*) n from review_logs where origin = 'review'")).rows[0]?.n,
  )
  // Every request carried a key, so each log must have exactly one stored key and vice versa.
  const duplicated = Math.max(0, logCount - keys.rows.length)

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
    recorded: logCount,
    missing,
    duplicated,
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
    verdict.duplicated ? `${verdict.duplicated} reviews recorded twice` : '',
    verdict.statesDisagreeing ? `${verdict.statesDisagreeing} card states disagree with their replayed logs` : '',
    verdict.integrity !== 'ok' ? `integrity_check: ${verdict.integrity}` : '',
    !options.crashed && stats.networkErrors ? `${stats.networkErrors} network errors` : '',
    !options.crashed && verdict.recorded !== verdict.acknowledged
      ? `recorded ${verdict.recorded} ≠ acknowledged ${verdict.acknowledged}`
      : '',
  ].filter(Boolean)
}
