import { findCardHistory } from '../db/queries/card-info'
import { type BrowserRow, ftsQuery, searchCards } from '../db/queries/card-search'
import { canStudy, findDeckAccess } from '../db/queries/deck-access'
import { findCardWithState } from '../db/queries/review'
import { createScheduler, ratingName, recallAt, State, stateName } from '../domain/scheduling'
import { AppError } from '../errors'
import { iso } from '../format'
import type { CardSearchQuery } from '../schemas/cards'
import type { UserContext } from './context'
import { presentCard, presentState } from './review'

/** Predicted recall now of a studied card; null for a card never reviewed. */
function recallNow(
  ctx: UserContext,
  row: { state: number | null; stability: number | null; lastReview: number | null },
): number | null {
  if (row.state === null || row.state === State.New || row.lastReview === null || !row.stability) return null
  const { w } = createScheduler(ctx.settings).parameters
  return recallAt(w, row.stability, row.lastReview, ctx.now)
}

function presentRow(ctx: UserContext, row: BrowserRow) {
  const studied = row.state !== null
  return {
    id: row.id,
    deck: row.deck,
    topic: row.topic,
    kind: row.kind,
    tags: JSON.parse(row.tags) as string[],
    prompt: row.prompt,
    answer: row.answer,
    state: stateName(row.state ?? State.New),
    suspended: row.suspended === 1,
    leech: row.leech === 1,
    buried: row.buriedUntil !== null && row.buriedUntil > ctx.now,
    due: studied ? iso(row.due) : null,
    stability: studied && row.state !== State.New ? row.stability : null,
    difficulty: studied && row.state !== State.New ? row.difficulty : null,
    reps: row.reps ?? 0,
    lapses: row.lapses ?? 0,
    retrievability: recallNow(ctx, row),
  }
}
export type BrowserCard = ReturnType<typeof presentRow>

/**
 * The card browser: the cards the user may see matching the search, one page at a time. A deck
 * the user may not see answers 404 (as one that does not exist), naming the field.
 */
export async function browseCards(ctx: UserContext, query: CardSearchQuery) {
  if (query.deck && !(await findDeckAccess(ctx.db, ctx.userId, query.deck)))
    throw new AppError(404, 'not_found', `deck: no deck "${query.deck}"`, { field: 'deck' })
  const match = query.q ? ftsQuery(query.q) : undefined
  const sort = query.sort ?? (match ? 'relevance' : 'position')
  if (sort === 'relevance' && !match)
    throw new AppError(400, 'validation_failed', 'sort: relevance needs search words in q', { field: 'sort' })
  const offset = query.cursor ? Number(query.cursor) : 0
  const { rows, total } = await searchCards(ctx.db, {
    userId: ctx.userId,
    match,
    deck: query.deck,
    topic: query.topic,
    tag: query.tag,
    state: query.state,
    sort,
    order: query.order ?? (sort === 'lapses' || sort === 'difficulty' ? 'desc' : 'asc'),
    limit: query.limit,
    offset,
    now: ctx.now,
  })
  const more = rows.length > query.limit
  return {
    cards: rows.slice(0, query.limit).map((row) => presentRow(ctx, row)),
    total,
    sort,
    nextCursor: more ? String(offset + query.limit) : null,
  }
}

/** A card's info: the card, the user's schedule for it, predicted recall now and its history. */
export async function cardInfo(ctx: UserContext, cardId: string) {
  const { card, state, deck } = await findCardWithState(ctx.db, ctx.userId, cardId)
  if (!card || !deck || !(await canStudy(ctx.db, ctx.userId, deck)))
    throw new AppError(404, 'not_found', 'id: no such card', { field: 'id' })
  const history = await findCardHistory(ctx.db, ctx.userId, cardId)
  return {
    card: { ...presentCard(card), tags: JSON.parse(card.tags) as string[], retired: card.retiredAt !== null },
    state: state ? presentState(cardId, state) : null,
    retrievability: state ? recallNow(ctx, state) : null,
    history: history.map((log) => ({
      reviewedAt: iso(log.reviewedAt),
      rating: ratingName(log.rating),
      stateBefore: stateName(log.state),
      stateAfter: stateName(log.stateAfter),
      dueAfter: iso(log.dueAfter),
      durationMs: log.durationMs,
      origin: log.origin,
    })),
  }
}
