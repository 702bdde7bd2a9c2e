import type { CompiledCard } from '../../content/types'
import { normalizeAnswer } from '../answer/normalize'
import { apportion } from './apportion'
import { type Blueprint, splitByWeight } from './blueprint'
import { buildDomc, buildMcq } from './build-choice'
import { choiceKinds } from './distractors'
import { EmptyExamError, ExamError } from './errors'
import type { Question } from './question'
import { createRng, type Rng, shuffle } from './rng'
import { buildTypein } from './typein'

/** `mixed` delivers choice items as MCQ or DOMC at random, as the DCA exam does, plus typein. */
export type ExamFormat = 'mcq' | 'domc' | 'mixed'

export interface ExamSpec {
  cards: readonly CompiledCard[]
  /** Only these topics; default every topic of `cards`. Distractors may still come from others. */
  topics?: readonly string[]
  count: number
  format: ExamFormat
  seed: string
  /** Wrong options per choice question; default 3. */
  distractors?: number
  /** Share of choice items given as DOMC in a `mixed` exam; default 1/2. */
  domcShare?: number
  /** Draw by the blueprint's domain weights instead of by topic sizes; `topics` is then ignored. */
  blueprint?: Blueprint
  /**
   * Cards asked recently (in this user's last exams): drawn only once every fresh card of their
   * topic is used, and so is the reverse of each.
   */
  avoid?: ReadonlySet<string>
}

export interface Exam {
  seed: string
  format: ExamFormat
  /** Questions asked for; `questions` is shorter when the deck could not supply them all. */
  requested: number
  questions: Question[]
}

/**
 * Builds a mock exam, the same for the same spec and seed. Questions are spread over topics in
 * proportion to their card counts, every topic getting one when `count` allows; a topic that
 * runs out of buildable cards hands its seats to the others. With a blueprint, each domain first
 * gets its weight's share of `count`, spread over its topics the same way; a domain that cannot
 * fill its share hands the rest to the others. No card is asked twice, nor both cards of a
 * forward/reverse pair (one would answer the other); cards in `avoid` come last in their topic.
 * Each card's question uses an rng of its own (seed + card id), so it does not change when
 * unrelated cards are added.
 *
 * Typein cards become typein questions in a `mixed` exam and "which command" choice
 * questions otherwise; enumeration and sequence cards are not used.
 *
 * @throws {EmptyExamError} when not a single question can be built.
 */
export function buildExam(spec: ExamSpec): Exam {
  const { count, format, seed, blueprint } = spec
  if (!Number.isInteger(count) || count < 1) {
    throw new ExamError('exam/invalid-count', `Question count must be a positive integer, got ${count}`)
  }
  const pool = uniqueById(spec.cards)
  const topics = blueprint
    ? blueprint.domains.flatMap((d) => d.topics)
    : spec.topics
      ? [...new Set(spec.topics)]
      : [...new Set(pool.map((c) => c.topic))].sort()
  const order = createRng(`${seed}\u0000order`)
  const recent = recentPairs(pool, spec.avoid)
  const isRecent = (c: CompiledCard) => recent.has(pairKey(c))
  const askable = topics.map((topic) => pool.filter((c) => c.topic === topic && choiceKinds.has(c.kind)))
  // Two queues per topic: cards not asked lately, then those asked in the user's recent exams.
  const fresh = askable.map((cards) =>
    shuffle(
      cards.filter((c) => !isRecent(c)),
      order,
    ),
  )
  const stale = askable.map((cards) => shuffle(cards.filter(isRecent), order))
  if (askable.every((q) => q.length === 0)) {
    throw new EmptyExamError(`no askable cards in topics ${topics.join(', ') || '(none)'}`)
  }
  const build = (card: CompiledCard) => buildQuestion(card, pool, spec, createRng(`${seed}\u0000${card.id}`))
  const questions: Question[] = []
  const pairs = new Set<string>()
  /** Fills up to `want` seats from `group` (topic indexes) of `queues`, spread by what each has left. */
  const fillFrom = (queues: CompiledCard[][], group: readonly number[], want: number) => {
    if (want <= 0) return
    const target = questions.length + want
    let quotas = apportion(
      want,
      group.map((t) => queues[t]?.length ?? 0),
      true,
    )
    for (;;) {
      const before = questions.length
      for (const [g, t] of group.entries()) {
        const queue = queues[t] as CompiledCard[]
        let seats = quotas[g] ?? 0
        while (seats > 0 && queue.length > 0) {
          const card = queue.shift() as CompiledCard
          const pair = pairKey(card)
          if (pairs.has(pair)) continue
          const question = build(card)
          if (!question) continue
          pairs.add(pair)
          questions.push(question)
          seats--
        }
      }
      const short = target - questions.length
      if (short <= 0 || questions.length === before) return
      quotas = apportion(
        short,
        group.map((t) => queues[t]?.length ?? 0),
        false,
      )
    }
  }
  /** Fresh cards first, then recent ones, within the same group. */
  const fill = (group: readonly number[], want: number) => {
    const target = questions.length + want
    fillFrom(fresh, group, want)
    fillFrom(stale, group, target - questions.length)
  }
  const everyTopic = topics.map((_, t) => t)
  if (blueprint) {
    const shares = splitByWeight(
      count,
      blueprint.domains.map((d) => d.weight),
    )
    let first = 0
    for (const [d, domain] of blueprint.domains.entries()) {
      fill(everyTopic.slice(first, first + domain.topics.length), shares[d] ?? 0)
      first += domain.topics.length
    }
  }
  fill(everyTopic, count - questions.length)
  if (questions.length === 0) {
    throw new EmptyExamError('no card has enough distinct wrong answers in its deck')
  }
  return { seed, format, requested: count, questions: uniqueIds(shuffle(questions, order)) }
}

/** The pair keys of the cards to avoid, so a card's reverse counts as asked too. */
function recentPairs(pool: readonly CompiledCard[], avoid: ReadonlySet<string> | undefined): Set<string> {
  if (!avoid || avoid.size === 0) return new Set()
  return new Set(pool.filter((c) => avoid.has(c.id)).map(pairKey))
}

function buildQuestion(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  spec: ExamSpec,
  rng: Rng,
): Question | undefined {
  const options = { distractors: spec.distractors ?? 3 }
  const asDomc = spec.format === 'domc' || (spec.format === 'mixed' && rng() < (spec.domcShare ?? 0.5))
  if (spec.format === 'mixed' && card.kind === 'typein') return buildTypein(card, rng)
  try {
    return asDomc ? buildDomc(card, pool, rng, options) : buildMcq(card, pool, rng, options)
  } catch (error) {
    if (error instanceof ExamError) return undefined
    throw error
  }
}

/** The same for a card and its reverse: the unordered pair of prompt and answer. */
function pairKey(card: CompiledCard): string {
  return [normalizeAnswer(card.prompt), normalizeAnswer(card.answer)].sort().join('\u0000')
}

function uniqueById(cards: readonly CompiledCard[]): CompiledCard[] {
  const seen = new Set<string>()
  return cards.filter((c) => !seen.has(c.id) && seen.add(c.id))
}

/** Random ids collide with odds of about 1 in 10^10 per pair; make sure anyway. */
function uniqueIds(questions: Question[]): Question[] {
  const seen = new Set<string>()
  return questions.map((q) => {
    let id = q.id
    for (let n = 2; seen.has(id); n++) id = `${q.id}-${n}`
    seen.add(id)
    return id === q.id ? q : { ...q, id }
  })
}
