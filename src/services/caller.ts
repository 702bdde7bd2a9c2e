import { sessionIdleMs, sessionTouchMs } from '../auth/session-policy'
import { callerRow, touchSession } from '../db/queries/sessions'
import { AppError } from '../errors'
import { type Claim, settingsFromJson, type UserContext } from './context'

/** The statement a route that checks its own session puts first in its first batch. */
export function callerStatement(claim: Claim) {
  return callerRow(claim.db, { ...claim, checked: claim.checked !== undefined }, claim.now, sessionIdleMs)
}

/**
 * The caller, once its batch has run: a 401 when the claimed session was not live in that
 * batch's snapshot (then nothing the batch read is used). `last_seen_at` is refreshed at most
 * every five minutes, as the caller middleware does for sessions it looks up itself.
 */
export async function confirmCaller(
  claim: Claim,
  rows: readonly { settings: string; lastSeenAt: number | null }[],
): Promise<UserContext> {
  if (claim.checked) return claim.checked
  const row = rows[0]
  if (!row || !claim.sessionHash) throw new AppError(401, 'unauthenticated', 'the session has ended: sign in again')
  if (row.lastSeenAt !== null && claim.now - row.lastSeenAt > sessionTouchMs)
    await touchSession(claim.db, claim.sessionHash, claim.now)
  return {
    db: claim.db,
    now: claim.now,
    userId: claim.userId,
    settings: settingsFromJson(row.settings),
    settingsJson: row.settings,
    sessionHash: claim.sessionHash,
  }
}
