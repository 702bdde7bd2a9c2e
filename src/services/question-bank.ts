import type { Db } from '../db/index'
import { canStudy } from '../db/queries/deck-access'
import { loadDeckTopics, loadLiveCards, parseList, toCompiledCard } from '../db/queries/exams'

export { toCompiledCard }

import {
  type Blueprint,
  buildExam,
  EmptyExamError,
  type Exam,
  type ExamFormat,
  parseBlueprint,
  type Question,
} from '../domain/exam'
import { AppError } from '../errors'
import { hashSecret, randomSecret } from '../security/secrets'

export interface TopicName {
  slug: string
  title: string
}

/** Where the note behind a card is shown: its topic page, at the card's heading. */
export function sourceUrl(deck: string, topic: string, anchor: string): string {
  const base = `/decks/${encodeURIComponent(deck)}/notes/${encodeURIComponent(topic)}`
  return anchor ? `${base}#${encodeURIComponent(anchor)}` : base
}

export function newSeed(): string {
  return randomSecret(9)
}

/**
 * The builder's seed for a quiz seed the caller chose: SHA-256 of `quiz:<user id>:<seed>`. The
 * raw seed never reaches the builder, so no choice of seed rebuilds a check (its seed is a
 * random secret), another user's quiz, or an exam (exams build from a fresh random seed each);
 * the same user and seed still give the same quiz. A plain hash is enough, no server key: the
 * point is that a caller cannot steer the builder onto another's seed, not that the derived seed
 * is secret, and no key means nothing to configure or rotate (issue 11, finding 2).
 */
export async function quizSeed(userId: string, seed: string): Promise<string> {
  return hashSecret(`quiz:${userId}:${seed}`)
}

export function newExamId(): string {
  return randomSecret(12)
}

export interface BankRequest {
  /** Who builds the questions: the deck must be one they may study. */
  userId: string
  deck: string
  topics?: readonly string[] | undefined
  count: number
  format: ExamFormat
  seed: string
  /** Draw by this blueprint's domain weights (then `topics` is empty). */
  blueprint?: Blueprint | undefined
  /** Card ids asked in the user's recent exams: drawn last. */
  avoid?: ReadonlySet<string> | undefined
}

/**
 * The deck's topics, or a 404 naming the deck (also when `userId` may not study it); unknown
 * topics are a 400 naming them.
 */
export async function deckTopics(
  db: Db,
  deck: string,
  wanted?: readonly string[],
  userId?: string,
): Promise<TopicName[]> {
  return (await deckOutline(db, deck, wanted, userId)).topics
}

/** The deck's topics and exam blueprint, with the same refusals as `deckTopics`. */
export async function deckOutline(
  db: Db,
  deck: string,
  wanted?: readonly string[],
  userId?: string,
): Promise<{ topics: TopicName[]; blueprint: Blueprint | undefined }> {
  const found = await loadDeckTopics(db, deck)
  if (!found.deck || (userId !== undefined && !(await canStudy(db, userId, found.deck))))
    throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  const unknown = (wanted ?? []).filter((slug) => !found.topics.some((t) => t.slug === slug))
  if (unknown.length > 0)
    throw new AppError(
      400,
      'validation_failed',
      `topics: no topic ${unknown.map((s) => `"${s}"`).join(', ')} in ${deck}`,
      {
        field: 'topics',
      },
    )
  return { topics: found.topics, blueprint: parseBlueprint(found.deck.blueprint) }
}

/**
 * Builds the questions of an exam or quiz from the deck's live cards. The cards are read in a
 * fixed order, so the same seed, deck and settings give the same questions while the deck is
 * unchanged.
 */
export async function buildQuestions(db: Db, request: BankRequest): Promise<Exam & { topics: TopicName[] }> {
  const topics = await deckTopics(db, request.deck, request.topics, request.userId)
  const cards = (await loadLiveCards(db, request.deck)).map(toCompiledCard)
  const chosen = request.topics?.length ? [...new Set(request.topics)] : undefined
  try {
    const exam = buildExam({
      cards,
      topics: chosen,
      count: request.count,
      format: request.format,
      seed: request.seed,
      blueprint: request.blueprint,
      avoid: request.avoid,
    })
    return { ...exam, topics }
  } catch (error) {
    if (error instanceof EmptyExamError)
      throw new AppError(422, 'bad_request', `topics: ${error.message}`, { field: 'topics' })
    throw error
  }
}

export function parseQuestions(json: string): Question[] {
  return JSON.parse(json) as Question[]
}

export function parseTopics(json: string): string[] {
  return parseList(json)
}
