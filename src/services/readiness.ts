import { canStudy } from '../db/queries/deck-access'
import { loadDeckMemories, loadDeckTopics } from '../db/queries/exams'
import { type Blueprint, parseBlueprint, projectRecall, reviewsNeededPerDay } from '../domain/exam'
import { createScheduler, examStartsAt, State, sqlWindow } from '../domain/scheduling'
import { AppError } from '../errors'
import { iso } from '../format'
import type { UserContext } from './context'

const dayMs = 24 * 60 * 60 * 1000

export interface TopicReadiness {
  topic: string
  title: string
  /** Mean predicted recall of the topic's cards on the exam date, 0..1; unseen cards count 0. */
  recall: number
  cards: number
  unseen: number
  /** Studied cards predicted below the target on the exam date. */
  belowTarget: number
}

/** A blueprint domain's readiness: its topics' cards together. */
export interface DomainReadiness {
  domain: string
  title: string
  weight: number
  recall: number
  cards: number
  unseen: number
  belowTarget: number
}

/** Topic readiness summed into domains; recall is the mean over the domain's cards. */
export function readinessByDomain(blueprint: Blueprint, topics: readonly TopicReadiness[]): DomainReadiness[] {
  return blueprint.domains.map((d) => {
    const mine = topics.filter((t) => d.topics.includes(t.topic))
    const cards = mine.reduce((n, t) => n + t.cards, 0)
    const recalled = mine.reduce((n, t) => n + t.recall * t.cards, 0)
    return {
      domain: d.slug,
      title: d.title,
      weight: d.weight,
      recall: cards === 0 ? 0 : recalled / cards,
      cards,
      unseen: mine.reduce((n, t) => n + t.unseen, 0),
      belowTarget: mine.reduce((n, t) => n + t.belowTarget, 0),
    }
  })
}

export type Readiness =
  | { deck: string; examDate: null; target: number; hint: string }
  | {
      deck: string
      examDate: string
      /** The start of the exam's study day, when recall is predicted. */
      examAt: string
      daysLeft: number
      /** The user's desired retention. */
      target: number
      recall: number
      ready: boolean
      cards: number
      unseen: number
      belowTarget: number
      /** Reviews a day until the exam to reach the target (optimistic: see `reviewsNeededPerDay`). */
      reviewsPerDay: number
      reviewsTotal: number
      topics: TopicReadiness[]
      /** By the deck's exam blueprint domains; empty when the deck has none. */
      domains: DomainReadiness[]
      hint?: string
    }

export const noExamDateHint =
  'Set an exam date (PUT /api/v1/settings {"examDate": "YYYY-MM-DD"}) to see your readiness.'

/**
 * Predicted recall on the exam date, per topic and overall: FSRS retrievability projected to the
 * start of the exam's study day for studied cards, 0 for unseen ones, against the desired
 * retention as the target. Without an exam date there is nothing to project: the answer says so.
 */
export async function readiness(ctx: UserContext, deck: string): Promise<Readiness> {
  const found = await loadDeckTopics(ctx.db, deck)
  if (!found.deck || !(await canStudy(ctx.db, ctx.userId, found.deck)))
    throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  const settings = ctx.settings
  const target = settings.desiredRetention
  const examAt = examStartsAt(settings)
  if (examAt === null || settings.examDate === undefined) return { deck, examDate: null, target, hint: noExamDateHint }
  const rows = await loadDeckMemories(ctx.db, ctx.userId, deck)
  const w = createScheduler(settings).parameters.w
  const projection = projectRecall(rows, examAt, { w })
  const below = new Map<string, number>()
  for (const row of rows) {
    const seen = row.state !== State.New && row.lastReview !== null
    if (seen && projectRecall([row], examAt, { w }).recall < target)
      below.set(row.topic, (below.get(row.topic) ?? 0) + 1)
  }
  const belowTarget = [...below.values()].reduce((a, b) => a + b, 0)
  const today = sqlWindow(settings, ctx.now).dayStart
  const daysLeft = Math.max(0, Math.round((examAt - today) / dayMs))
  const load = reviewsNeededPerDay({ unseen: projection.unseen, belowTarget, daysLeft, target })
  const title = (slug: string) => found.topics.find((t) => t.slug === slug)?.title ?? slug
  const topics = projection.topics.map((t) => ({ ...t, title: title(t.topic), belowTarget: below.get(t.topic) ?? 0 }))
  const blueprint = parseBlueprint(found.deck.blueprint)
  return {
    deck,
    examDate: settings.examDate,
    examAt: iso(examAt),
    daysLeft,
    target,
    recall: projection.recall,
    ready: projection.cards > 0 && projection.recall >= target,
    cards: projection.cards,
    unseen: projection.unseen,
    belowTarget,
    reviewsPerDay: load.perDay,
    reviewsTotal: load.total,
    topics,
    domains: blueprint ? readinessByDomain(blueprint, topics) : [],
    ...(examAt < today ? { hint: 'The exam date has passed: set the next one in your settings.' } : {}),
  }
}
