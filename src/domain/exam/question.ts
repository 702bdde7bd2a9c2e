/** One answer option of a choice question. `id` is opaque and says nothing about correctness. */
export interface ExamOption {
  id: string
  text: string
  html: string
}

interface QuestionBase {
  /** Opaque, unique within an exam. */
  id: string
  cardId: string
  topic: string
  prompt: string
  promptHtml: string
}

/** Classic multiple choice: every option shown at once, one is correct. */
export interface McqQuestion extends QuestionBase {
  kind: 'mcq'
  /** In shuffled order. */
  options: ExamOption[]
  answerOptionId: string
}

/** Discrete option multiple choice: `options` is the order they are shown in, one at a time. */
export interface DomcQuestion extends QuestionBase {
  kind: 'domc'
  options: ExamOption[]
  answerOptionId: string
  /**
   * Whether one more option is shown after the item is scored, if any is left, so the
   * candidate cannot tell from the item ending whether they were right. Drawn with
   * probability 1/2, as Foster & Miller (2009) recommend. Its judgement is never scored.
   */
  extraOption: boolean
}

/** The learner types the answer; checked with `compareAnswer`. */
export interface TypeinQuestion extends QuestionBase {
  kind: 'typein'
  answer: string
  answerHtml: string
  /** On for CLI commands, where `-d` and `-D` differ. */
  caseSensitive: boolean
}

export type ChoiceQuestion = McqQuestion | DomcQuestion
export type Question = ChoiceQuestion | TypeinQuestion
export type QuestionKind = Question['kind']

/** What a candidate may see before answering: nothing that gives the answer away. */
export type PublicQuestion =
  | Pick<McqQuestion, 'id' | 'kind' | 'topic' | 'prompt' | 'promptHtml' | 'options'>
  | Pick<DomcQuestion, 'id' | 'kind' | 'topic' | 'prompt' | 'promptHtml' | 'options'>
  | Pick<TypeinQuestion, 'id' | 'kind' | 'topic' | 'prompt' | 'promptHtml'>

/**
 * Strips the answer, and the card id (which would let a client look the answer up), from a
 * question. The option texts stay: they are the question.
 */
export function publicQuestion(question: Question): PublicQuestion {
  const { id, topic, prompt, promptHtml } = question
  if (question.kind === 'typein') return { id, kind: 'typein', topic, prompt, promptHtml }
  const options = question.options.map((o) => ({ id: o.id, text: o.text, html: o.html }))
  return { id, kind: question.kind, topic, prompt, promptHtml, options }
}
