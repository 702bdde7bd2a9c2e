import * as v from 'valibot'
import { browserSorts, browserStates } from '../domain/card-browser'
import { cardIdSchema } from './review'

const slug = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `${field} must be a slug like "docker"`),
  )

/** An empty query field (a form's untouched input) means no filter. */
const optional = <S extends v.GenericSchema<string, unknown>>(schema: S) =>
  v.optional(
    v.union([
      v.pipe(
        v.literal(''),
        v.transform(() => undefined),
      ),
      schema,
    ]),
  )

/** `GET /api/v1/cards` and the `/cards` page: search words, filters, sort and paging. */
export const cardSearchQuerySchema = v.object({
  q: v.optional(v.pipe(v.string('q must be a string'), v.maxLength(200, 'q: at most 200 characters'))),
  deck: optional(slug('deck')),
  topic: optional(slug('topic')),
  tag: optional(v.pipe(v.string('tag must be a string'), v.regex(/^[^\s]{1,64}$/, 'tag must be one word'))),
  state: optional(v.picklist(browserStates, `state must be one of ${browserStates.join(', ')}`)),
  sort: optional(v.picklist(browserSorts, `sort must be one of ${browserSorts.join(', ')}`)),
  order: optional(v.picklist(['asc', 'desc'] as const, 'order must be asc or desc')),
  limit: v.optional(
    v.pipe(
      v.string('limit must be a number'),
      v.regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 200'),
      v.transform(Number),
      v.minValue(1, 'limit must be a whole number from 1 to 200'),
      v.maxValue(200, 'limit must be a whole number from 1 to 200'),
    ),
    '50',
  ),
  cursor: optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'cursor must be a nextCursor this API gave'))),
})
export type CardSearchQuery = v.InferOutput<typeof cardSearchQuerySchema>

export const bulkActions = ['suspend', 'unsuspend', 'reset', 'reschedule'] as const
export type BulkAction = (typeof bulkActions)[number]

/** The most cards one bulk action takes: one page of the browser at its largest, and more. */
export const maxBulkCards = 500

const day = (field: string) =>
  v.pipe(
    v.string(`${field} must be a date`),
    v.isoDate(`${field} must be a date like 2026-12-24`),
    v.check((text) => !Number.isNaN(Date.parse(text)), `${field} must be a real date`),
  )

/** `POST /api/v1/cards/actions`: one action on a selection of cards. */
export const bulkActionSchema = v.pipe(
  v.object({
    action: v.picklist(bulkActions, `action must be one of ${bulkActions.join(', ')}`),
    ids: v.pipe(
      v.array(cardIdSchema, 'ids must be a list of card ids'),
      v.minLength(1, 'ids: select at least one card'),
      v.maxLength(maxBulkCards, `ids: at most ${maxBulkCards} cards at once`),
    ),
    /** reschedule: the first study day the cards fall due (and `dueTo`: the last, spread between). */
    due: v.optional(day('due')),
    dueTo: v.optional(day('dueTo')),
  }),
  v.forward(
    v.check((input) => input.action !== 'reschedule' || input.due !== undefined, 'due: a date is needed to reschedule'),
    ['due'],
  ),
  v.forward(
    v.check((input) => !input.dueTo || !input.due || input.dueTo >= input.due, 'dueTo must not be before due'),
    ['dueTo'],
  ),
)
export type BulkActionInput = v.InferOutput<typeof bulkActionSchema>

export const cardActionParamSchema = v.object({
  id: v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,64}$/, 'must be an action id')),
})
