import {
  type ActionEntry,
  type CardActionRow,
  findCardAction,
  findSelectedCards,
  recordCardAction,
  recordCardActionUndo,
  type StateValues,
} from '../db/queries/card-actions'
import type { CardStateRow } from '../db/queries/review'
import {
  addStudyDays,
  type CardMemory,
  newCardState,
  State,
  sqlWindow,
  studyDayOf,
  studyDayStart,
} from '../domain/scheduling'
import { AppError } from '../errors'
import { iso } from '../format'
import type { BulkActionInput } from '../schemas/cards'
import type { UserContext } from './context'
import { memoryOf, presentState } from './review'

const DAY = 86_400_000
/** A reschedule reaches at most this far ahead (ten years): further is a typo, not a plan. */
const maxRescheduleDays = 3650

function valuesOf(cardId: string, row: CardStateRow | undefined, now: number): StateValues {
  if (!row)
    return { cardId, ...newCardState(now), suspended: false, leech: false, buriedUntil: null } satisfies StateValues
  return { cardId, ...memoryOf(row), suspended: row.suspended, leech: row.leech, buriedUntil: row.buriedUntil }
}

/** The study days of a reschedule as due instants, one per card, spread evenly over the range. */
function rescheduleDues(ctx: UserContext, input: BulkActionInput, count: number): number[] {
  const { timezone, dayStartsAt } = ctx.settings
  const today = studyDayOf(ctx.now, timezone, dayStartsAt)
  const from = input.due!
  const to = input.dueTo ?? from
  if (from < today)
    throw new AppError(422, 'validation_failed', `due: ${from} is before today (${today})`, { field: 'due' })
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY)
  if (Math.round((Date.parse(to) - Date.parse(today)) / DAY) > maxRescheduleDays)
    throw new AppError(422, 'validation_failed', `dueTo: at most ${maxRescheduleDays} days ahead`, {
      field: input.dueTo ? 'dueTo' : 'due',
    })
  return Array.from({ length: count }, (_, i) =>
    studyDayStart(addStudyDays(from, Math.floor((i * (span + 1)) / count)), timezone, dayStartsAt),
  )
}

/**
 * The new state of each card under `input.action`. Reset forgets the memory (the card is new
 * again; its review history stays); reschedule moves only studied cards (a new card has no
 * interval to move: it is left out and named in `skipped`).
 */
function plan(
  ctx: UserContext,
  input: BulkActionInput,
  ids: readonly string[],
  rows: Map<string, CardStateRow | undefined>,
) {
  const current = ids.map((id) => valuesOf(id, rows.get(id), ctx.now))
  switch (input.action) {
    case 'suspend':
      return { next: current.map((v) => ({ ...v, suspended: true })), skipped: [] as string[] }
    case 'unsuspend':
      return {
        next: current.map((v) => ({ ...v, suspended: false, leech: false, buriedUntil: null })),
        skipped: [] as string[],
      }
    case 'reset':
      return {
        next: current.map((v) => ({ ...v, ...newCardState(ctx.now), leech: false, buriedUntil: null })),
        skipped: [] as string[],
      }
    case 'reschedule': {
      const studied = current.filter((v) => v.state !== State.New)
      const dues = rescheduleDues(ctx, input, studied.length)
      const next = studied.map((v, i) => {
        const due = dues[i]!
        const memory: Partial<CardMemory> = { due }
        if (v.lastReview !== null) memory.scheduledDays = Math.max(0, Math.round((due - v.lastReview) / DAY))
        return { ...v, ...memory, buriedUntil: null }
      })
      return { next, skipped: current.filter((v) => v.state === State.New).map((v) => v.cardId) }
    }
  }
}

const changedMeanwhile = () =>
  new AppError(409, 'stale_state', 'a selected card changed at the same time: nothing was changed, try again')

/**
 * Applies one bulk action to the selected cards as one undoable step, all or nothing. Every id
 * must be a live card the user may see (else 404 naming the first that is not); a card changed
 * by a review at that instant makes it a 409 with nothing written.
 */
export async function applyCardAction(ctx: UserContext, input: BulkActionInput) {
  const ids = [...new Set(input.ids)]
  const rows = await findSelectedCards(ctx.db, ctx.userId, ids)
  const missing = input.ids.findIndex((id) => !rows.has(id))
  if (missing >= 0)
    throw new AppError(404, 'not_found', `ids.${missing}: no such card "${input.ids[missing]}"`, {
      field: `ids.${missing}`,
    })
  const { next, skipped } = plan(ctx, input, ids, rows)
  const entries: ActionEntry[] = next.map((v) => {
    const row = rows.get(v.cardId)
    return {
      cardId: v.cardId,
      versionAfter: (row?.version ?? 0) + 1,
      row: row ? valuesOf(v.cardId, row, ctx.now) : null,
    }
  })
  const id = crypto.randomUUID()
  if (entries.length > 0) {
    const ok = await recordCardAction(
      ctx.db,
      { id, userId: ctx.userId, action: input.action, now: ctx.now },
      entries,
      next,
    )
    if (!ok) throw changedMeanwhile()
  }
  return {
    id: entries.length > 0 ? id : null,
    action: input.action,
    changed: entries.length,
    skipped,
    createdAt: iso(ctx.now),
  }
}

/** The action as the API shows it. */
export function presentAction(row: CardActionRow) {
  return {
    id: row.id,
    action: row.action,
    changed: row.cardCount,
    createdAt: iso(row.createdAt),
    undoneAt: iso(row.undoneAt),
  }
}

/**
 * Reverts a stored action: every card back to its state before it, in one transaction, only if
 * no card changed since (else 409, nothing written). A card that had no state comes back as a
 * fresh new card, which is what having no state means.
 */
export async function revertAction(ctx: UserContext, action: CardActionRow) {
  const entries = JSON.parse(action.before) as ActionEntry[]
  const restore = entries.map((e) => e.row ?? valuesOf(e.cardId, undefined, ctx.now))
  if (!(await recordCardActionUndo(ctx.db, ctx.userId, action, restore, ctx.now)))
    throw new AppError(
      409,
      'stale_state',
      'a card changed since the action (reviewed or changed again): it cannot be undone',
    )
  return { entries, restore }
}

/** Undoes a bulk action (by id, or the latest not undone). */
export async function undoCardAction(ctx: UserContext, id?: string) {
  const action = await findCardAction(ctx.db, ctx.userId, id)
  if (!action)
    throw id
      ? new AppError(404, 'not_found', `id: no action "${id}"`, { field: 'id' })
      : new AppError(409, 'conflict', 'there is no card action to undo')
  if (action.undoneAt !== null) throw new AppError(409, 'conflict', 'the action was already undone')
  await revertAction(ctx, action)
  return presentAction({ ...action, undoneAt: ctx.now })
}

export type CardAction = 'suspend' | 'unsuspend' | 'bury'

/**
 * Suspends, unsuspends (clearing the leech flag) or buries (until the next study day) one card
 * from the review flow, stored as a one-card action so that undo reverts it as Anki's does.
 */
export async function changeCard(ctx: UserContext, cardId: string, action: CardAction) {
  const rows = await findSelectedCards(ctx.db, ctx.userId, [cardId])
  if (!rows.has(cardId)) throw new AppError(404, 'not_found', 'id: no such card', { field: 'id' })
  const row = rows.get(cardId)
  const current = valuesOf(cardId, row, ctx.now)
  const next =
    action === 'bury'
      ? { ...current, buriedUntil: sqlWindow(ctx.settings, ctx.now).dayEnd }
      : plan(ctx, { action, ids: [cardId] }, [cardId], rows).next[0]!
  const versionAfter = (row?.version ?? 0) + 1
  const entry = { cardId, versionAfter, row: row ? current : null }
  const stored = { id: crypto.randomUUID(), userId: ctx.userId, action, now: ctx.now }
  if (!(await recordCardAction(ctx.db, stored, [entry], [next]))) throw changedMeanwhile()
  return presentState(cardId, { ...next, version: versionAfter })
}
