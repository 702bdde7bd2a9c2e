import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import {
  answerCard,
  canStudy,
  changeCard,
  findDeckAccess,
  findScope,
  loadToday,
  nextCard,
  previewCard,
  undoLast,
} from '#data'
import { checkTypedAnswer } from '../../domain/answer'
import { ratingNames, SchedulingError, sqlWindow } from '../../domain/scheduling'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { iso } from '../../format'
import type { SignedInEnv } from '../../middleware/caller'
import { cardIdSchema, nextQuerySchema, snapshotSchema } from '../../schemas/review'
import { validate } from '../../validation'
import { describeNextDue } from '../../views/components/due-text'
import { type ReviewScope, reviewUrl } from '../../views/components/review-links'
import { reviewNotices } from '../../views/components/review-notice'
import { ReviewQuestion } from '../../views/pages/review'
import { ReviewAnswer } from '../../views/pages/review-answer'
import { ReviewDone } from '../../views/pages/review-done'
import { ReviewOffline } from '../../views/pages/review-offline'
import { signedIn } from './signed-in'

const scopeEntries = {
  deck: nextQuerySchema.entries.deck,
  topic: nextQuerySchema.entries.topic,
  mode: nextQuerySchema.entries.mode,
}

const pageQuerySchema = v.object({
  ...scopeEntries,
  card: v.optional(cardIdSchema),
  notice: v.optional(v.picklist(reviewNotices, 'notice: unknown notice')),
  ref: v.optional(cardIdSchema),
})

const answerQuerySchema = v.object({
  ...scopeEntries,
  card: cardIdSchema,
  shownAt: v.pipe(v.string('shownAt: missing'), v.isoTimestamp('shownAt must be an ISO 8601 timestamp')),
  typed: v.optional(v.pipe(v.string(), v.maxLength(500, 'typed: at most 500 characters'))),
  /** "I was right": the learner overrules a typed answer the comparer marked wrong. */
  right: v.optional(v.picklist(['1'], 'right: only 1')),
})

const gradeFormSchema = v.object({
  ...scopeEntries,
  cardId: cardIdSchema,
  rating: v.picklist(ratingNames, 'rating must be one of again, hard, good, easy'),
  shownAt: v.pipe(v.string('shownAt: missing'), v.isoTimestamp('shownAt must be an ISO 8601 timestamp')),
  /** Filled by review.js; empty without JavaScript. */
  durationMs: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{0,8}$/, 'durationMs must be a whole number of milliseconds'),
      v.transform((ms) => (ms === '' ? undefined : Math.min(Number(ms), 86_400_000))),
    ),
  ),
  key: v.pipe(v.string('key: missing'), v.regex(/^[\x21-\x7e]{1,128}$/, 'key must be 1–128 visible ASCII characters')),
  snapshot: v.optional(snapshotSchema),
})

const cardActionSchema = v.object({
  id: cardIdSchema,
  action: v.picklist(['suspend', 'unsuspend', 'bury'] as const, 'action must be suspend, unsuspend or bury'),
})

/** What a review page or form is about; a form that names no deck studies the server's default deck. */
const toScope = (
  form: { deck?: string | undefined; topic?: string | undefined; mode?: string | undefined },
  defaultDeck: string,
): ReviewScope => ({
  deck: form.deck ?? defaultDeck,
  topic: form.topic || undefined,
  mode: form.mode === 'exam' ? 'exam' : undefined,
})

/** The deck and topic with their display title; a 404 naming the field when either is unknown. */
async function loadScope(c: Context<SignedInEnv>, scope: ReviewScope) {
  const names = await findScope(c.var.db, scope.deck, scope.topic)
  if (!names.deck || !(await canStudy(c.var.db, c.var.user!.userId, names.deck)))
    throw new AppError(404, 'not_found', `deck: no deck "${scope.deck}"`, { field: 'deck' })
  if (scope.topic && !names.topic)
    throw new AppError(404, 'not_found', `topic: no topic "${scope.topic}"`, { field: 'topic' })
  const title = names.topic ? `${names.deck.title} · ${names.topic.title}` : names.deck.title
  return scope.mode === 'exam' ? `${title} · exam mode` : title
}

const render = (c: Context<SignedInEnv>, title: string, node: Parameters<Context<SignedInEnv>['render']>[0]) =>
  c.render(node, { title: `Review ${title}`, scripts: ['review.js'], styles: ['review.css'] })

/** The review page, its answer side and its forms (issue 4). */
export const reviewPages = new Hono<AppEnv>()
  .use('/review', signedIn)
  .use('/review/*', signedIn)
  .get('/review/offline', (c) =>
    c.render(<ReviewOffline />, { title: 'Review offline', scripts: ['offline-review.js'], styles: ['review.css'] }),
  )
  .get('/review', validate('query', pageQuerySchema), async (c) => {
    const q = c.req.valid('query')
    const ctx = c.var.user
    const scope = toScope(q, c.var.deps.defaultDeck)
    const [title, next] = await Promise.all([loadScope(c, scope), nextCard(ctx, scope, scope.mode)])
    const frame = {
      scope,
      title,
      done: next.doneToday,
      remaining: next.remaining,
      csrfToken: c.var.csrfToken,
      notice: q.notice ? { notice: q.notice, cardId: q.ref } : undefined,
    }
    if (q.card && q.card !== next.card?.id) {
      const { card } = await previewCard(ctx, q.card)
      return render(c, title, <ReviewQuestion {...frame} card={card} shownAt={iso(ctx.now)} />)
    }
    if (next.card) return render(c, title, <ReviewQuestion {...frame} card={next.card} shownAt={next.shownAt} />)
    const settings = ctx.settings
    const today = await loadToday(ctx.db, ctx.userId, sqlWindow(settings, ctx.now).dayStart)
    const nextDue = describeNextDue(next.nextDueAt ?? null, ctx.now, settings.timezone)
    // Only later learning cards remain: the page reloads itself when the next can be shown, by
    // script (exactly) and by a meta refresh (without JavaScript), a second late to be sure.
    const shownAt = next.nextShownAt ? Date.parse(next.nextShownAt) : null
    const refreshInSeconds = shownAt === null ? undefined : Math.max(1, Math.ceil((shownAt - ctx.now) / 1000) + 1)
    return c.render(
      <ReviewDone {...frame} again={today.again} nextDue={nextDue} refreshInSeconds={refreshInSeconds} />,
      {
        title: `Review ${title}`,
        scripts: ['review.js'],
        styles: ['review.css'],
        refreshInSeconds,
      },
    )
  })
  .get('/review/answer', validate('query', answerQuerySchema), async (c) => {
    const q = c.req.valid('query')
    const ctx = c.var.user
    const scope = toScope(q, c.var.deps.defaultDeck)
    const [title, next, access] = await Promise.all([
      loadScope(c, scope),
      nextCard(ctx, scope, scope.mode, c.var.deps.signingKey),
      findDeckAccess(ctx.db, ctx.userId, scope.deck),
    ])
    // Usually the card shown is still the next one; otherwise (an undone card, a stale tab) load it.
    const shown =
      next.card?.id === q.card && next.card && next.intervals
        ? next
        : await previewCard(ctx, q.card, c.var.deps.signingKey)
    const card = shown.card!
    const typed =
      card.kind === 'typein' && q.typed !== undefined
        ? { text: q.typed, comparison: checkTypedAnswer(card, q.typed), overruled: q.right === '1' }
        : undefined
    return render(
      c,
      title,
      <ReviewAnswer
        scope={scope}
        title={title}
        done={next.doneToday}
        remaining={next.remaining}
        csrfToken={c.var.csrfToken}
        card={card}
        intervals={shown.intervals!}
        shownAt={q.shownAt}
        idempotencyKey={crypto.randomUUID()}
        snapshot={shown.snapshot}
        typed={typed}
        editable={access?.role === 'write' && card.deck === scope.deck}
      />,
    )
  })
  .post('/review/grade', validate('form', gradeFormSchema), async (c) => {
    const form = c.req.valid('form')
    const scope = toScope(form, c.var.deps.defaultDeck)
    const { cardId, rating, shownAt, durationMs, snapshot } = form
    try {
      await answerCard(
        c.var.user,
        { cardId, rating, shownAt, durationMs, snapshot },
        form.key,
        'review',
        c.var.deps.signingKey,
      )
    } catch (error) {
      // Answered in another tab, or this form was sent again with another grade: not an error page.
      if (error instanceof SchedulingError || (error instanceof AppError && error.status === 409))
        return c.redirect(reviewUrl('/review', scope, { notice: 'stale' }), 303)
      if (error instanceof AppError && error.code === 'idempotency_mismatch')
        return c.redirect(reviewUrl('/review', scope, { notice: 'recorded' }), 303)
      throw error
    }
    return c.redirect(reviewUrl('/review', scope), 303)
  })
  .post('/review/undo', validate('form', v.object(scopeEntries)), async (c) => {
    const scope = toScope(c.req.valid('form'), c.var.deps.defaultDeck)
    try {
      const { undone } = await undoLast(c.var.user)
      // The card answered, suspended or buried is shown again; other actions' cards are left to the queue.
      const card = /^(review|suspend|bury)$/.test(undone.kind) ? undone.cardId : undefined
      return c.redirect(
        reviewUrl('/review', scope, { card, notice: undone.kind === 'review' ? 'undone' : 'undone-action' }),
        303,
      )
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error
      return c.redirect(reviewUrl('/review', scope, { notice: 'nothing-to-undo' }), 303)
    }
  })
  .post(
    '/review/cards/:id/:action',
    validate('param', cardActionSchema),
    validate('form', v.object(scopeEntries)),
    async (c) => {
      const { id, action } = c.req.valid('param')
      await changeCard(c.var.user, id, action)
      const notice = action === 'suspend' ? 'suspended' : action === 'bury' ? 'buried' : 'unsuspended'
      const ref = action === 'suspend' ? id : undefined
      return c.redirect(
        reviewUrl('/review', toScope(c.req.valid('form'), c.var.deps.defaultDeck), { notice, ref }),
        303,
      )
    },
  )
