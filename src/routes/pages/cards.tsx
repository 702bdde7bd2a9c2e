import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import { applyCardAction, browseCards, cardInfo, findCardAction, listDecks, undoCardAction } from '#data'
import type { CardActionRow } from '../../db/queries/card-actions'
import { studyDayOf } from '../../domain/scheduling'
import type { AppEnv } from '../../env'
import { type BulkAction, bulkActionSchema, cardActionParamSchema, cardSearchQuerySchema } from '../../schemas/cards'
import { cardParamSchema } from '../../schemas/review'
import { parseWith, validate } from '../../validation'
import { CardInfoPage } from '../../views/pages/card-info'
import { type ActionSummary, CardsPage } from '../../views/pages/cards'
import { signedIn } from './signed-in'

/** The search fields a page link or the bulk form may carry back; anything else is dropped. */
const searchKeys = ['q', 'deck', 'topic', 'tag', 'state', 'sort', 'order', 'limit'] as const

function searchString(from: URLSearchParams): string {
  const out = new URLSearchParams()
  for (const key of searchKeys) {
    const value = from.get(key)
    if (value) out.set(key, value)
  }
  return out.toString()
}

const pageQuerySchema = v.object({
  ...cardSearchQuerySchema.entries,
  action: v.optional(cardActionParamSchema.entries.id),
})

/** A form's one or many `ids` as a list; none checked is an empty list, refused by the action schema. */
const formIds = v.optional(v.union([v.string(), v.array(v.string())], 'ids must be card ids'), () => [] as string[])

const bulkFormSchema = v.object({
  action: v.string('action: pick an action'),
  ids: formIds,
  due: v.optional(v.string()),
  dueTo: v.optional(v.string()),
  back: v.optional(v.pipe(v.string(), v.maxLength(2000, 'back: too long'))),
})

const undoFormSchema = v.object({ back: bulkFormSchema.entries.back })

const verbs: Record<BulkAction, string> = {
  suspend: 'Suspended',
  unsuspend: 'Unsuspended',
  reset: 'Forgot (reset)',
  reschedule: 'Rescheduled',
}

const cardQuerySchema = v.object({ action: pageQuerySchema.entries.action })

function summary(action: CardActionRow): ActionSummary {
  return {
    id: action.id,
    verb: verbs[action.action as BulkAction] ?? action.action,
    changed: action.cardCount,
    undone: action.undoneAt !== null,
    skipped: 0,
  }
}

/** Where a form sends the person back to: the card they came from, or the same search. */
function backTo(back: string | undefined, actionId: string | null): string {
  const from = new URLSearchParams(back ?? '')
  const card = from.get('card')
  const suffix = actionId ? `action=${encodeURIComponent(actionId)}` : ''
  if (card && /^[\w-]{1,80}$/.test(card)) return `/cards/${card}${suffix ? `?${suffix}` : ''}`
  const search = searchString(from)
  return `/cards?${[search, suffix].filter(Boolean).join('&')}`
}

/** The card browser pages (issue 15): search, filters, bulk actions with undo, and card info. */
export const cardPages = new Hono<AppEnv>()
  .use('/cards', signedIn)
  .use('/cards/*', signedIn)
  .get('/cards', validate('query', pageQuerySchema), async (c) => {
    const ctx = c.var.user
    const query = c.req.valid('query')
    const [page, decks, action] = await Promise.all([
      browseCards(ctx, query),
      listDecks(ctx.db, ctx.userId),
      query.action ? findCardAction(ctx.db, ctx.userId, query.action) : undefined,
    ])
    const search = searchString(new URL(c.req.url).searchParams)
    return c.render(
      <CardsPage
        query={query}
        search={search}
        page={page}
        decks={decks}
        csrfToken={c.var.csrfToken}
        timeZone={ctx.settings.timezone}
        today={studyDayOf(ctx.now, ctx.settings.timezone, ctx.settings.dayStartsAt)}
        action={action && summary(action)}
      />,
      { title: 'Cards', styles: ['cards.css'] },
    )
  })
  .post('/cards/actions', validate('form', bulkFormSchema), async (c) => {
    const form = c.req.valid('form')
    const input = parseWith(
      bulkActionSchema,
      {
        action: form.action,
        ids: typeof form.ids === 'string' ? [form.ids] : form.ids,
        due: form.due || undefined,
        dueTo: form.dueTo || undefined,
      },
      'form',
    )
    const done = await applyCardAction(c.var.user, input)
    return c.redirect(backTo(form.back, done.id), 303)
  })
  .post(
    '/cards/actions/:id/undo',
    validate('param', cardActionParamSchema),
    validate('form', undoFormSchema),
    async (c) => {
      const { id } = c.req.valid('param')
      await undoCardAction(c.var.user, id)
      return c.redirect(backTo(c.req.valid('form').back, id), 303)
    },
  )
  .get('/cards/:id', validate('param', cardParamSchema), validate('query', cardQuerySchema), async (c) => {
    const ctx = c.var.user
    const { action } = c.req.valid('query')
    const [info, done] = await Promise.all([
      cardInfo(ctx, c.req.valid('param').id),
      action ? findCardAction(ctx.db, ctx.userId, action) : undefined,
    ])
    return c.render(
      <CardInfoPage
        info={info}
        csrfToken={c.var.csrfToken}
        action={done && summary(done)}
        timeZone={ctx.settings.timezone}
      />,
      {
        title: 'Card',
        styles: ['cards.css'],
      },
    )
  })
