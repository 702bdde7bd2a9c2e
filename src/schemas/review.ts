import * as v from 'valibot'
import { ratingNames } from '../domain/scheduling'
import { snapshotMaxLength } from '../services/review-snapshot'
import { deckQueryEntry } from './exams'

const slug = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `${field} must be a slug like "docker"`),
  )

export const cardIdSchema = v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,80}$/, 'must be a card id'))

export const nextQuerySchema = v.object({
  deck: deckQueryEntry,
  topic: v.optional(v.union([v.literal(''), slug('topic')], 'must be a topic slug')),
  mode: v.optional(v.picklist(['normal', 'exam'], 'must be normal or exam'), 'normal'),
})

/** The signed state `GET /review/next` hands out with a card (`services/review-snapshot.ts`). */
export const snapshotSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(snapshotMaxLength, `must be at most ${snapshotMaxLength} characters`),
  v.regex(/^[\w-]+\.[\w-]{43}$/, 'must be the snapshot GET /review/next gave with the card'),
)

export const answerSchema = v.object({
  cardId: cardIdSchema,
  rating: v.picklist(ratingNames, 'must be one of again, hard, good, easy'),
  durationMs: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0), v.maxValue(86_400_000)),
  ),
  shownAt: v.optional(v.pipe(v.string('must be a string'), v.isoTimestamp('must be an ISO 8601 timestamp'))),
  /** When the answer was made, for answers sent late (offline review); the server checks its range. */
  answeredAt: v.optional(v.pipe(v.string('must be a string'), v.isoTimestamp('must be an ISO 8601 timestamp'))),
  snapshot: v.optional(snapshotSchema),
})

/** Keys are opaque to us; the limits keep them from being used to store data. */
export const idempotencyHeaderSchema = v.object({
  'idempotency-key': v.optional(
    v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,128}$/, 'must be 1–128 visible ASCII characters')),
  ),
})

export const cardParamSchema = v.object({ id: cardIdSchema })
export const deckParamSchema = v.object({ slug: slug('slug') })
export const deckCardsQuerySchema = v.object({ topic: v.optional(slug('topic')) })
