import { DomcSequenceError } from './errors'
import type { DomcQuestion } from './question'

/** The candidate's YES (`true`) or NO (`false`) to one shown option. */
export interface DomcJudgement {
  optionId: string
  judgement: boolean
}

export interface DomcProgress {
  /** No more options will be shown. */
  finished: boolean
  /** The item has been decided; stays hidden from the candidate. */
  scored: boolean
  /** The score of the item; `false` until scored. */
  correct: boolean
  /** The option to show next, when not finished. */
  nextOptionId?: string
}

/**
 * Scores a DOMC item from the judgements given so far, in the order the options are shown
 * (`question.options`). Rules (Foster & Miller 2009, as described by Caveon and Alpine Testing):
 *
 * - YES to the correct option, after NO to every distractor shown before it: correct.
 * - YES to a distractor, or NO to the correct option: wrong, and the item is decided at once.
 * - Once decided, one more option is shown if `question.extraOption` and one is left; its
 *   judgement is ignored. Without it, a NO that ends the item would betray a miss.
 *
 * Missing judgements (time ran out) leave the item unscored, which {@link scoreExam} counts wrong.
 *
 * @see https://caveon.com/resource/the-discrete-option-multiple-choice-domc-test-item/
 * @throws {DomcSequenceError} for a judgement on an option out of turn or after the item ended.
 */
export function judgeDomc(question: DomcQuestion, judgements: readonly DomcJudgement[]): DomcProgress {
  const { options, answerOptionId } = question
  let decidedAt = -1
  let correct = false
  for (const [i, given] of judgements.entries()) {
    const option = options[i]
    if (decidedAt >= 0 && !(question.extraOption && i === decidedAt + 1)) {
      throw new DomcSequenceError(`Item ${question.id} ended before judgement ${i + 1}`)
    }
    if (!option || given.optionId !== option.id) {
      throw new DomcSequenceError(
        `Item ${question.id}: judgement ${i + 1} is for ${given.optionId}, expected ${option?.id}`,
      )
    }
    if (decidedAt >= 0) continue
    const isAnswer = option.id === answerOptionId
    if (isAnswer || given.judgement) {
      decidedAt = i
      correct = isAnswer && given.judgement
    }
  }
  const shown = judgements.length
  if (decidedAt < 0) return { finished: false, scored: false, correct, nextOptionId: options[shown]?.id }
  const extra = options[decidedAt + 1]
  if (question.extraOption && extra && shown === decidedAt + 1) {
    return { finished: false, scored: true, correct, nextOptionId: extra.id }
  }
  return { finished: true, scored: true, correct }
}
