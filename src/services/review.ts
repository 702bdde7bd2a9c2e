import { sessionIdleMs } from '../auth/session-policy'
import { presentCard } from './card-view'

export { presentCard }

import { canStudy } from '../db/queries/deck-access'
import {
  type CardRow,
  type CardStateRow,
  findCardWithState,
  findLiveCards,
  loadQueueCandidates,
  nextDueAt,
  type QueueScope,
} from '../db/queries/review'
import {
  findStoredResponse,
  readForAnswer,
  recordReview,
  recordSupersededReview,
  type StateWrite,
} from '../db/queries/review-writes'
import {
  applyLeech,
  buildQueue,
  type CardMemory,
  createScheduler,
  dailyQuota,
  formatInterval,
  type RatingName,
  type ReviewLogFields,
  ratingName,
  sqlWindow,
  stateName,
  toRating,
} from '../domain/scheduling'
import { AppError, toProblem } from '../errors'
import { iso } from '../format'
import { hashSecret } from '../security/secrets'
import { callerStatement, confirmCaller } from './caller'
import { type Claim, claimOf, settingsFromJson, type UserContext } from './context'
import { nextExamCard } from './exam-queue'
import { issueSnapshot, readSnapshot } from './review-snapshot'

/** The memory columns of a stored state, as the scheduler takes them. */
export function memoryOf(row: CardStateRow): CardMemory {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  }
}

/** The public shape of a card's schedule, as the API returns it. */
export function presentState(cardId: string, row: Omit<CardStateRow, 'userId' | 'cardId' | 'updatedAt'>) {
  return {
    cardId,
    state: stateName(row.state),
    due: iso(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    reps: row.reps,
    lapses: row.lapses,
    scheduledDays: row.scheduledDays,
    lastReview: iso(row.lastReview),
    suspended: row.suspended,
    leech: row.leech,
    buriedUntil: iso(row.buriedUntil),
    version: row.version,
  }
}

/**
 * A card as the review flow shows it, with the interval each answer would give it now and,
 * given the signing key, the snapshot an answer can be computed from (`review-snapshot.ts`).
 */
function withIntervals(card: CardRow, state: CardStateRow | undefined, ctx: UserContext, signingKey?: string) {
  const { settings, now } = ctx
  const preview = createScheduler(settings).previewIntervals(state ? memoryOf(state) : null, now)
  const snapshot =
    signingKey && ctx.settingsJson !== undefined
      ? issueSnapshot(signingKey, ctx.userId, card.id, state, ctx.settingsJson)
      : undefined
  return {
    snapshot,
    card: presentCard(card),
    intervals: {
      again: formatInterval(preview.again),
      hard: formatInterval(preview.hard),
      good: formatInterval(preview.good),
      easy: formatInterval(preview.easy),
    },
    intervalsMs: preview,
    state: state ? presentState(card.id, state) : null,
  }
}

/**
 * The next card to study in a deck (or topic), with what each answer would schedule. In `exam`
 * mode, due cards come weakest first by recall predicted on the exam date (`nextExamCard`).
 */
/** The 404 for a deck the user may not see, as `requireDeck` words it. */
const noDeck = (slug: string) => new AppError(404, 'not_found', `slug: no deck "${slug}"`, { field: 'slug' })

export async function nextCard(
  ctx: UserContext,
  scope: QueueScope,
  mode: 'normal' | 'exam' = 'normal',
  signingKey?: string,
) {
  const settings = ctx.settings
  const window = sqlWindow(settings, ctx.now)
  const { candidates, available, doneToday, deckVisible, heads } = await loadQueueCandidates(
    ctx.db,
    ctx.userId,
    scope,
    window,
  )
  if (!deckVisible) throw noDeck(scope.deck)
  const queue = buildQueue(candidates, {
    ...settings,
    now: ctx.now,
    dayEnd: window.dayEnd,
    learnAheadMs: window.learningDueBy - ctx.now,
    doneToday,
    reviewsDue: available.review,
  })
  // The queue saw only the first few review and new cards; the counts come from SQL.
  const quota = dailyQuota(settings, doneToday, available.review)
  const examCardId = mode === 'exam' ? await nextExamCard(ctx, settings, scope, window, quota) : undefined
  const first = examCardId ? { cardId: examCardId } : queue.cards[0]
  const remaining = {
    learning: queue.remaining.learning,
    review: quota.review,
    new: Math.min(available.new, quota.new),
  }
  const base = { remaining, doneToday: doneToday.total, shownAt: iso(ctx.now) }
  if (!first) {
    const due = queue.nextLearningDue ?? (await nextDueAt(ctx.db, ctx.userId, scope))
    // A learning card later today can be shown once it enters the learn-ahead window.
    const showAt = queue.nextLearningDue === null ? null : queue.nextLearningDue - (window.learningDueBy - ctx.now)
    return {
      ...base,
      card: null,
      nextDueAt: iso(due),
      nextShownAt: iso(showAt),
    }
  }
  // The queue's first card is one of the heads read with it; exam mode picks its own.
  const head = heads.cards.find((c) => c.id === first.cardId)
  const { card, state } = head
    ? { card: head, state: heads.states.find((s) => s.cardId === first.cardId) }
    : await findCardWithState(ctx.db, ctx.userId, first.cardId)
  if (!card) throw new AppError(404, 'not_found', 'the card disappeared while it was being fetched')
  return {
    ...base,
    ...withIntervals(card, state, ctx, signingKey),
  }
}

/**
 * Every card of today's queue, in queue order, for a device to review offline: what to show and
 * the answer, without intervals (those depend on when the card is answered).
 */
export async function todayCards(ctx: UserContext, scope: QueueScope) {
  const settings = ctx.settings
  const window = sqlWindow(settings, ctx.now)
  const { candidates, doneToday, deckVisible } = await loadQueueCandidates(ctx.db, ctx.userId, scope, window)
  if (!deckVisible) throw noDeck(scope.deck)
  const queue = buildQueue(candidates, { ...settings, now: ctx.now, dayEnd: window.dayEnd, doneToday })
  const ids = queue.cards.map((c) => c.cardId)
  const byId = new Map((await findLiveCards(ctx.db, ids)).map((card) => [card.id, card]))
  const cards = ids.flatMap((id) => {
    const card = byId.get(id)
    if (!card) return []
    return [
      { id: card.id, kind: card.kind, topic: card.topic, promptHtml: card.promptHtml, answerHtml: card.answerHtml },
    ]
  })
  return { deck: scope.deck, fetchedAt: iso(ctx.now), cards }
}

export interface AnswerInput {
  cardId: string
  rating: RatingName
  durationMs?: number | undefined
  shownAt?: string | undefined
  /** When the answer was made, if earlier than its arrival (offline review). */
  answeredAt?: string | undefined
  /** The signed state the card was shown with (`review-snapshot.ts`): one round trip instead of two. */
  snapshot?: string | undefined
}

type StoredRow = Awaited<ReturnType<typeof findStoredResponse>>

export interface StoredResult {
  status: 201 | 409
  body: Record<string, unknown>
}

async function requestHash(input: AnswerInput): Promise<string> {
  const fields: unknown[] = [input.cardId, input.rating, input.durationMs ?? null, input.shownAt ?? null]
  // Appended only when present, so keys stored before answeredAt existed still match their retries.
  if (input.answeredAt !== undefined) fields.push(input.answeredAt)
  return hashSecret(JSON.stringify(fields))
}

/** How late an offline answer may arrive: a phone away for a week still counts, a month does not. */
export const answeredAtMaxAgeMs = 7 * 86_400_000
/** Clock skew between a phone and the server that is tolerated before a time counts as future. */
const clockSkewMs = 60_000

/** The review time of an answer: now, or its `answeredAt` when that lies in the accepted range. */
function reviewTime(input: AnswerInput, now: number): number {
  if (input.answeredAt === undefined) return now
  const at = Date.parse(input.answeredAt)
  if (at > now + clockSkewMs)
    throw new AppError(400, 'validation_failed', 'answeredAt: must not be in the future', { field: 'answeredAt' })
  if (at < now - answeredAtMaxAgeMs)
    throw new AppError(400, 'validation_failed', 'answeredAt: must be within the last 7 days', {
      field: 'answeredAt',
    })
  return Math.min(at, now)
}

/**
 * Records one answer. With an idempotency key, a retry returns the first response and records
 * nothing more; the same key with another body is a 422. A card changed since `shownAt` (another
 * tab answered it), or changed between our read and our write, is a 409 with its current state.
 * An answer with `answeredAt` is scheduled at that time; one made before the card's latest
 * review (answered elsewhere meanwhile) is kept in the history but the later answer wins: 409
 * `answered_later_elsewhere`, replayed as such on retry. See docs/review.md, "Offline review".
 */
export async function answerCard(
  caller: UserContext | Claim,
  input: AnswerInput,
  idempotencyKey?: string,
  origin: 'review' | 'quiz' | 'exam' = 'review',
  /** The key review snapshots are signed with: without it `input.snapshot` is ignored. */
  signingKey?: string,
): Promise<StoredResult> {
  const hash = idempotencyKey ? await requestHash(input) : ''
  const keyed = idempotencyKey ? { key: idempotencyKey, hash } : undefined
  const asReplay = (stored: StoredRow | undefined) => {
    if (!stored) return undefined
    if (stored.requestHash !== hash)
      throw new AppError(422, 'idempotency_mismatch', 'Idempotency-Key was already used with a different request body')
    return {
      status: stored.status === 409 ? (409 as const) : (201 as const),
      body: JSON.parse(stored.body) as Record<string, unknown>,
    }
  }
  const claim = claimOf(caller)
  if (input.snapshot !== undefined && signingKey !== undefined && origin === 'review') {
    const answered = await answerFromSnapshot(claim, input, signingKey, asReplay, keyed)
    if (answered) return answered
  }
  // One round trip checks the session and reads the stored response, the card, its deck and the state; one writes.
  const read = await readForAnswer(claim.db, claim.userId, input.cardId, idempotencyKey, callerStatement(claim))
  const ctx = await confirmCaller(claim, read.caller)
  const replay = async () =>
    idempotencyKey ? asReplay(await findStoredResponse(ctx.db, ctx.userId, idempotencyKey)) : undefined
  const previous = asReplay(read.stored)
  if (previous) return previous

  const { card, state, deck } = read
  if (!card || !deck || card.retiredAt !== null || !(await canStudy(ctx.db, ctx.userId, deck)))
    throw new AppError(404, 'not_found', 'cardId: no such card', { field: 'cardId' })
  const conflict = () =>
    new AppError(409, 'stale_state', 'the card was answered elsewhere since it was shown', {
      extra: { current: state ? presentState(card.id, state) : null },
    })
  if (input.shownAt && state && state.updatedAt > Date.parse(input.shownAt)) {
    // The card moved since it was shown: by another tab (409), or by this very request sent
    // earlier, whose write landed after this retry looked for it (replay its stored response).
    const stored = await replay()
    if (stored) return stored
    throw conflict()
  }
  const at = reviewTime(input, ctx.now)
  if (state?.lastReview != null && at < state.lastReview) {
    const kept = await keepSuperseded(ctx, card.id, state, input, at, keyed)
    if (kept) return kept
    const stored = await replay()
    if (stored) return stored
    throw conflict()
  }

  const planned = planAnswer(ctx, card.id, state, input, at, origin)
  const outcome = await writeAnswer(claim, state, planned, ctx.settingsJson, keyed)
  if (outcome.applied) return { status: 201, body: planned.body }
  // Not written: a request with the same key got there first (replay it), or the card changed.
  const stored = asReplay(outcome.stored)
  if (stored) return stored
  const fresh = await findCardWithState(ctx.db, ctx.userId, card.id)
  throw new AppError(409, 'stale_state', 'the card was answered elsewhere at the same time', {
    extra: { current: fresh.state ? presentState(card.id, fresh.state) : null },
  })
}

/** The write, log and 201 body of an answer computed from `state` (as read, or as its snapshot held it). */
function planAnswer(
  ctx: UserContext,
  cardId: string,
  state: CardStateRow | undefined,
  input: AnswerInput,
  at: number,
  origin: 'review' | 'quiz' | 'exam',
) {
  const { write, log, becameLeech } = planReview(ctx, cardId, state, input.rating, at, origin)
  const newState = {
    ...write.memory,
    suspended: write.suspended,
    leech: write.leech,
    buriedUntil: null,
    version: (state?.version ?? 0) + 1,
  }
  const body = {
    review: { cardId, rating: ratingName(log.rating), reviewedAt: iso(log.reviewedAt) },
    card: presentState(cardId, newState),
    becameLeech,
  }
  return { write, log: { ...log, durationMs: input.durationMs ?? null, origin }, body }
}

type Idempotency = { key: string; hash: string } | undefined | ''

/**
 * Writes a planned answer in one batch (`recordReview`): 401 when the session has ended (its
 * guard kept anything from being written), else what the batch found: written or not, and the
 * key's stored response.
 */
async function writeAnswer(
  claim: Claim,
  state: CardStateRow | undefined,
  { write, log, body }: ReturnType<typeof planAnswer>,
  settingsJson: string | undefined,
  idempotency: Idempotency,
) {
  const session = claim.checked ? undefined : { hash: claim.sessionHash ?? '', liveAfter: claim.now - sessionIdleMs }
  const outcome = await recordReview(
    claim.db,
    callerStatement(claim),
    write,
    log,
    { session, settingsJson, updatedAt: state?.updatedAt ?? null },
    idempotency
      ? { key: idempotency.key, requestHash: idempotency.hash, status: 201, body: JSON.stringify(body) }
      : undefined,
  )
  await confirmCaller(claim, outcome.caller)
  return outcome
}

/**
 * An answer computed from the snapshot the card was shown with, written in one round trip
 * (`recordReview`). Undefined when the snapshot is not this user's for this card,
 * or no longer true (or the answer is one the read path must judge: `answeredAt`, a state
 * changed after `shownAt`): then the caller takes the read path, which decides as before.
 */
async function answerFromSnapshot(
  claim: Claim,
  input: AnswerInput,
  signingKey: string,
  asReplay: (stored: StoredRow | undefined) => StoredResult | undefined,
  idempotency: Idempotency,
): Promise<StoredResult | undefined> {
  const snapshot = input.snapshot && readSnapshot(signingKey, input.snapshot, claim.userId, input.cardId)
  if (!snapshot || input.answeredAt !== undefined) return undefined
  const { state, settingsJson } = snapshot
  const shownAt = input.shownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(input.shownAt)
  if (state && (state.updatedAt > shownAt || (state.lastReview ?? 0) > claim.now)) return undefined
  const ctx = { db: claim.db, now: claim.now, userId: claim.userId, settings: settingsFromJson(settingsJson) }
  const { write, log, body } = planAnswer(ctx, input.cardId, state, input, claim.now, 'review')
  const outcome = await writeAnswer(claim, state, { write, log, body }, settingsJson, idempotency)
  // Written: the stored record read after the write is this answer's own.
  return outcome.applied ? { status: 201, body } : asReplay(outcome.stored)
}

/**
 * What rating a card at `at` writes, computed from the state that was read: the new memory with
 * its leech flags (expected at the version read, so a write after someone else's fails), and
 * the log, whose `before` keeps the flags the review changes, for an exact undo. A quiz or exam
 * answer counts its lapse in the card's memory but never makes a leech by itself: only a lapse
 * on the review page suspends a card (docs/scheduling.md, "Leeches").
 */
export function planReview(
  ctx: UserContext,
  cardId: string,
  state: CardStateRow | undefined,
  rating: RatingName,
  at: number,
  origin: 'review' | 'quiz' | 'exam' = 'review',
): { write: StateWrite; log: ReviewLogFields; becameLeech: boolean } {
  const settings = ctx.settings
  const before = state ? memoryOf(state) : null
  const { next, log } = createScheduler(settings).rate(before, rating, at)
  const unchanged = { lapses: next.lapses, leech: state?.leech ?? false, suspended: state?.suspended ?? false }
  const flags = origin === 'review' ? applyLeech(unchanged, settings.leechThreshold, before?.lapses ?? 0) : unchanged
  const loggedBefore = JSON.stringify({
    ...JSON.parse(log.before),
    suspended: state?.suspended ?? false,
    leech: state?.leech ?? false,
    buriedUntil: state?.buriedUntil ?? null,
  })
  return {
    write: {
      userId: ctx.userId,
      cardId,
      memory: next,
      suspended: flags.suspended,
      leech: flags.leech,
      buriedUntil: null,
      expectedVersion: state ? state.version : null,
      now: ctx.now,
    },
    log: { ...log, before: loggedBefore },
    becameLeech: flags.leech && !(state?.leech ?? false),
  }
}

/**
 * An answer made before the card's latest review: its log joins the history (origin
 * `superseded`, the card's fields as they stand, unchanged after it) and the state stays as
 * the later answer left it. Undefined when the card changed under us (the caller reports that).
 */
async function keepSuperseded(
  ctx: UserContext,
  cardId: string,
  state: CardStateRow,
  input: AnswerInput,
  at: number,
  idempotency: { key: string; hash: string } | undefined,
): Promise<StoredResult | undefined> {
  const current = presentState(cardId, state)
  const body = toProblem(
    new AppError(
      409,
      'answered_later_elsewhere',
      'the card was answered later elsewhere: this answer is kept in the history, the later one sets the schedule',
      { extra: { review: { cardId, rating: input.rating, reviewedAt: iso(at), superseded: true }, current } },
    ),
    '/api/v1/reviews',
  )
  const rating = toRating(input.rating)
  const kept = await recordSupersededReview(
    ctx.db,
    ctx.userId,
    cardId,
    state.version,
    {
      rating,
      state: state.state,
      due: state.lastReview ?? state.due,
      stability: state.stability,
      difficulty: state.difficulty,
      elapsedDays: state.elapsedDays,
      lastElapsedDays: state.elapsedDays,
      scheduledDays: state.scheduledDays,
      learningSteps: state.learningSteps,
      reviewedAt: at,
      before: JSON.stringify({
        ...memoryOf(state),
        suspended: state.suspended,
        leech: state.leech,
        buriedUntil: state.buriedUntil,
      }),
      stateAfter: state.state,
      dueAfter: state.due,
      durationMs: input.durationMs ?? null,
    },
    ctx.now,
    idempotency
      ? { key: idempotency.key, requestHash: idempotency.hash, status: 409, body: JSON.stringify(body) }
      : undefined,
  )
  return kept ? { status: 409, body } : undefined
}

/**
 * One given card with what each answer would schedule, for the review page's answer side and
 * for showing an undone card again (added for the browser review flow).
 */
export async function previewCard(ctx: UserContext, cardId: string, signingKey?: string) {
  const { card, state, deck } = await findCardWithState(ctx.db, ctx.userId, cardId)
  if (!card || !deck || card.retiredAt !== null || !(await canStudy(ctx.db, ctx.userId, deck)))
    throw new AppError(404, 'not_found', 'card: no such card', { field: 'card' })
  return withIntervals(card, state, ctx, signingKey)
}
