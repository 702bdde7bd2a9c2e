/** Base of every error thrown by the exam domain; `code` is stable and machine-readable. */
export class ExamError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = new.target.name
    this.code = code
  }
}

/** The card's kind cannot be asked as this type of question (e.g. an enumeration as MCQ). */
export class UnsupportedCardError extends ExamError {
  constructor(
    readonly cardId: string,
    detail: string,
  ) {
    super('exam/unsupported-card', `Card ${cardId} cannot be asked this way: ${detail}`)
  }
}

/** The pool has too few plausible wrong answers for a card. */
export class NotEnoughDistractorsError extends ExamError {
  constructor(
    readonly cardId: string,
    readonly needed: number,
    readonly found: number,
  ) {
    super('exam/not-enough-distractors', `Card ${cardId} needs ${needed} distractors but the deck offers only ${found}`)
  }
}

/** Not a single question could be built from the cards and topics asked for. */
export class EmptyExamError extends ExamError {
  constructor(detail: string) {
    super('exam/empty', `No exam question could be built: ${detail}`)
  }
}

/** DOMC judgements that do not follow the presentation order, or go on after the item ended. */
export class DomcSequenceError extends ExamError {
  constructor(detail: string) {
    super('exam/domc-sequence', detail)
  }
}

/** An answer whose shape does not match its question (e.g. an option id for a typein question). */
export class AnswerMismatchError extends ExamError {
  constructor(
    readonly questionId: string,
    detail: string,
  ) {
    super('exam/answer-mismatch', `Answer to ${questionId}: ${detail}`)
  }
}

/** Input out of range for a readiness estimate. */
export class ReadinessInputError extends ExamError {
  constructor(detail: string) {
    super('exam/readiness-input', detail)
  }
}
