import type { ActionEntry, CardActionRow } from '../db/queries/card-actions'
import type { CardStateRow, ReviewLogRow } from '../db/queries/review'
import { recordUndo } from '../db/queries/review-writes'
import { latestUndoable } from '../db/queries/undo'
import { createScheduler, ratingName } from '../domain/scheduling'
import { AppError } from '../errors'
import { iso } from '../format'
import { callerStatement, confirmCaller } from './caller'
import { revertAction } from './card-actions'
import { type Claim, claimOf, type UserContext } from './context'
import { memoryOf, presentState } from './review'

/**
 * Whether the latest answer is later than the latest card action, so undo takes it first. By
 * time, an action winning a tie (it is recorded at arrival, an answer may be dated earlier);
 * but when the action touched the answered card, the card's version says which wrote it last.
 */
export function answerIsLatest(log: ReviewLogRow, state: CardStateRow | undefined, action: CardActionRow): boolean {
  const entry = (JSON.parse(action.before) as ActionEntry[]).find((e) => e.cardId === log.cardId)
  if (entry && state) {
    if (state.version === entry.versionAfter) return false
    return log.reviewedAt >= action.createdAt
  }
  return log.reviewedAt > action.createdAt
}

/**
 * Undoes the user's latest step, as Anki's undo does: an answer on the review page, or a card
 * action (suspend or bury from the review page, a bulk action of the card browser), whichever
 * came last. Repeatable, one step back each time; each write is version-checked, so a step is
 * reverted once even when two undos race. The session check and the reads are one round trip,
 * an answer's undo one more.
 */
export async function undoLast(caller: UserContext | Claim) {
  const claim = claimOf(caller)
  const {
    caller: callerRows,
    log,
    state,
    action,
  } = await latestUndoable(claim.db, claim.userId, callerStatement(claim))
  const ctx = await confirmCaller(claim, callerRows)
  if (action && (!log || !answerIsLatest(log, state, action))) {
    const { restore, entries } = await revertAction(ctx, action)
    const first = entries[0]!
    return {
      undone: {
        kind: action.action,
        cardId: first.cardId,
        actionId: action.id,
        changed: action.cardCount,
      },
      card: presentState(first.cardId, { ...restore[0]!, version: first.versionAfter + 1 }),
    }
  }
  if (!log) throw new AppError(409, 'conflict', 'there is nothing to undo')
  if (!state) throw new AppError(409, 'conflict', 'the reviewed card has no schedule to restore')
  const restored = createScheduler(ctx.settings).undo(memoryOf(state), log)
  const flags = JSON.parse(log.before) as { suspended?: boolean; leech?: boolean; buriedUntil?: number | null }
  const kept = {
    suspended: flags.suspended ?? false,
    leech: flags.leech ?? false,
    buriedUntil: flags.buriedUntil ?? null,
  }
  const write = { userId: ctx.userId, cardId: log.cardId, memory: restored, ...kept }
  if (!(await recordUndo(ctx.db, { ...write, expectedVersion: state.version, now: ctx.now }, log.id)))
    throw new AppError(409, 'stale_state', 'the card changed while the undo was applied: try again')
  return {
    undone: { kind: 'review', cardId: log.cardId, rating: ratingName(log.rating), reviewedAt: iso(log.reviewedAt) },
    card: presentState(log.cardId, { ...restored, ...kept, version: state.version + 1 }),
  }
}
