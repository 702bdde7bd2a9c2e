import type { CardRow } from '../db/queries/review'
import type { DiffPart } from '../domain/answer'
import {
  type Blueprint,
  type DomainScore,
  type GivenAnswer,
  type Question,
  type QuestionScore,
  scoreByDomain,
  scoreExam,
} from '../domain/exam'
import { sourceUrl, type TopicName } from './question-bank'

export interface NoteSource {
  file: string
  line: number
  anchor: string
  url: string
}

export type GivenView =
  | { optionId: string; text: string }
  | { judgements: { optionId: string; text: string; judgement: boolean }[] }
  | { text: string }

export interface ResultQuestion {
  id: string
  topic: string
  kind: Question['kind']
  prompt: string
  promptHtml: string
  correct: boolean
  flagged: boolean
  answer: { optionId?: string; text: string }
  /** `null` when unanswered. */
  given: GivenView | null
  /** Choice questions: every option, in the order shown. */
  options?: { id: string; text: string }[]
  diff?: DiffPart[]
  source: NoteSource
}

export interface ScoredExam {
  score: number
  correct: number
  total: number
  passed: boolean
  topics: { topic: string; title: string; correct: number; total: number }[]
  /** Per exam domain of the deck's blueprint, in its order; empty when the deck has none. */
  domains: DomainScore[]
  questions: ResultQuestion[]
}

export interface SavedAnswer {
  given: GivenAnswer | null
  flagged: boolean
  /** The stored JSON as is, for a write that must not overwrite a concurrent one. */
  raw?: string
}

export function noteSource(deck: string, card: CardRow | undefined, topic: string): NoteSource {
  if (!card) return { file: '', line: 0, anchor: '', url: sourceUrl(deck, topic, '') }
  return {
    file: card.sourceFile,
    line: card.sourceLine,
    anchor: card.sourceAnchor,
    url: sourceUrl(deck, card.topic, card.sourceAnchor),
  }
}

function givenView(question: Question, given: GivenAnswer | null): GivenView | null {
  if (!given) return null
  const textOf = (id: string) =>
    question.kind === 'typein' ? '' : (question.options.find((o) => o.id === id)?.text ?? '')
  if (given.kind === 'mcq') return { optionId: given.optionId, text: textOf(given.optionId) }
  if (given.kind === 'domc')
    return {
      judgements: given.judgements.map((j) => ({
        optionId: j.optionId,
        text: textOf(j.optionId),
        judgement: j.judgement,
      })),
    }
  return { text: given.text }
}

function present(
  question: Question,
  scored: QuestionScore,
  saved: SavedAnswer | undefined,
  deck: string,
  cards: ReadonlyMap<string, CardRow>,
): ResultQuestion {
  const { id, topic, kind, prompt, promptHtml } = question
  return {
    id,
    topic,
    kind,
    prompt,
    promptHtml,
    correct: scored.correct,
    flagged: saved?.flagged ?? false,
    answer: scored.answer,
    given: givenView(question, saved?.given ?? null),
    ...(question.kind === 'typein' ? {} : { options: question.options.map((o) => ({ id: o.id, text: o.text })) }),
    ...(scored.diff ? { diff: scored.diff } : {}),
    source: noteSource(deck, cards.get(question.cardId), topic),
  }
}

/**
 * Scores an exam and shapes the result the API returns and the result page shows: overall,
 * per topic (with the topic's title), and per question with the right answer, the candidate's
 * answer and the note the question came from.
 */
export function scoreResult(
  questions: readonly Question[],
  answers: ReadonlyMap<string, SavedAnswer>,
  context: {
    deck: string
    passMark: number
    topics: readonly TopicName[]
    cards: ReadonlyMap<string, CardRow>
    blueprint?: Blueprint | undefined
  },
): ScoredExam {
  const given = Object.fromEntries([...answers].map(([id, a]) => [id, a.given ?? undefined]))
  const score = scoreExam(questions, given, { passMark: context.passMark })
  const title = (slug: string) => context.topics.find((t) => t.slug === slug)?.title ?? slug
  return {
    score: score.score,
    correct: score.correct,
    total: score.total,
    passed: score.passed,
    topics: score.topics.map((t) => ({ ...t, title: title(t.topic) })),
    domains: context.blueprint ? scoreByDomain(context.blueprint, score.topics) : [],
    questions: questions.map((q, i) =>
      present(q, score.questions[i] as QuestionScore, answers.get(q.id), context.deck, context.cards),
    ),
  }
}
