import type { CompiledCard } from '../../content/types'
import { wordCount } from './similarity'

/**
 * The grammatical form of an answer. An option whose form differs from the others gives
 * itself away (the only number, the only "No. …" among definitions), so wrong answers are
 * taken in the correct answer's form first.
 */
export type AnswerForm = 'yes-no' | 'number' | 'term' | 'fragment' | 'sentence'

const yesNo = /^(yes|no)\s*[.,;:!]/i

/**
 * The answer to a closed question ("No. It only prints the client's version"). Such cards
 * make poor choice items: the other options would have to be yes or no too, and another card's
 * "No, <true fact about the same thing>" reads as a second right answer.
 */
export function isYesNo(answer: string): boolean {
  return yesNo.test(answer.trim())
}

export function answerForm(answer: string): AnswerForm {
  const text = answer.trim()
  if (isYesNo(text)) return 'yes-no'
  if (/^\d/.test(text)) return 'number'
  // A trailing ellipsis is part of a name (`ARG...`), not the end of a sentence.
  if (text.split(/\s+/).length <= 4 && !/[.!?]$/.test(text.replace(/(\.\.\.|…)$/, ''))) return 'term'
  return /^\p{Ll}/u.test(text) ? 'fragment' : 'sentence'
}

/** Words only, lower case, so `(the docker CLI);` contains `docker CLI`. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\-/]+/gu, ' ')
    .trim()} `
}

/** The prompt without the heading path the notes compiler prefixes (`Namespaces › Mount`). */
export function ownPrompt(card: Pick<CompiledCard, 'prompt'>): string {
  const parts = card.prompt.split(' › ')
  return parts[parts.length - 1] ?? card.prompt
}

/**
 * The term a card defines, if it is a term card: the answer of a reverse card, or the last
 * segment of a basic card's `Context › term` prompt.
 */
export function subjectOf(card: Pick<CompiledCard, 'kind' | 'prompt' | 'answer'>): string | undefined {
  if (card.kind === 'reverse') return card.answer
  if (card.kind !== 'basic' || !card.prompt.includes(' › ') || /\?\s*$/.test(card.prompt)) return undefined
  return ownPrompt(card)
}

/**
 * Whether `other` defines something the question or its answer names: then its answer is
 * likely true of the question too (the definition of "docker CLI" as a wrong answer to "How do
 * most users interact with Docker?", whose answer is "the docker CLI").
 */
export function definesNamedTerm(card: CompiledCard, other: CompiledCard): boolean {
  const term = textOf(other).subject
  if (!term) return false
  const { prompt, answer } = textOf(card)
  return prompt.includes(term) || answer.includes(term)
}

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/**
 * Whether one term is a longer form of the other (`containerd-shim` and
 * `containerd-shim-runc-v2`): the longer one is usually a kind of the shorter, so both fit.
 */
export function isVariant(a: string, b: string): boolean {
  if (answerForm(a) !== 'term' || answerForm(b) !== 'term') return false
  const [short, long] = [tokens(a), tokens(b)].sort((x, y) => x.length - y.length) as [string[], string[]]
  if (short.length === 0 || short.length === long.length) return false
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((token, j) => long[i + j] === token)) return true
  }
  return false
}

/** Words too common to say what a text is about. */
const stopWords = new Set(
  'about after also because before being between both does each from have into just like made make many more most must only other over same some such than that their them then there these they this those through under used uses using what when where which while with within without would your docker container containers'.split(
    ' ',
  ),
)

function topicWords(text: string): Set<string> {
  return new Set(tokens(text).filter((word) => word.length >= 4 && !stopWords.has(word)))
}

/**
 * Whether a wrong answer is about what the question is about: it shares a significant word with
 * the prompt (headings included). An option on another subject is ruled out without knowledge.
 */
export function isRelevant(card: CompiledCard, other: CompiledCard): boolean {
  const words = textOf(card).promptWords
  for (const word of textOf(other).answerWords) if (words.has(word)) return true
  return false
}

/**
 * Whether two cards are about the same thing at all: they share a significant word anywhere in
 * their prompts (headings included) or answers. A wrong option from another section that shares
 * none is on another subject (a namespace name among containerd features).
 */
export function sharesSubject(card: CompiledCard, other: CompiledCard): boolean {
  const mine = textOf(card).allWords
  for (const word of textOf(other).allWords) if (mine.has(word)) return true
  return false
}

interface CardText {
  form: AnswerForm
  /** `words()` of the own prompt, the answer and the subject (if long enough to mean anything). */
  prompt: string
  answer: string
  subject: string | undefined
  promptWords: Set<string>
  answerWords: Set<string>
  allWords: Set<string>
  /** `wordCount` of the answer. */
  length: number
}

/**
 * Each card's text, split once: an exam compares every question with every card of the deck,
 * so splitting on each comparison cost over a hundred milliseconds for 55 questions.
 */
const texts = new WeakMap<CompiledCard, CardText>()

function textOf(card: CompiledCard): CardText {
  let text = texts.get(card)
  if (!text) {
    const subject = subjectOf(card)
    const term = subject === undefined ? '' : words(subject)
    text = {
      form: answerForm(card.answer),
      prompt: words(ownPrompt(card)),
      answer: words(card.answer),
      subject: term.trim().length >= 3 ? term : undefined,
      promptWords: topicWords(card.prompt),
      answerWords: topicWords(card.answer),
      allWords: topicWords(`${card.prompt} ${card.answer}`),
      length: wordCount(card.answer),
    }
    texts.set(card, text)
  }
  return text
}

/** How different two answers are in shape (`shapeDistance`), from word counts computed once per card. */
export const shapeDistanceOf = (a: CompiledCard, b: CompiledCard): number =>
  Math.abs(Math.log((textOf(a).length + 1) / (textOf(b).length + 1)))

/** `answerForm` of a card's answer, computed once per card. */
export const formOf = (card: CompiledCard): AnswerForm => textOf(card).form
