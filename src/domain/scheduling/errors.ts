/** Machine-readable codes, so the HTTP layer can map each failure without parsing messages. */
export type SchedulingErrorCode =
  | 'invalid_rating'
  | 'invalid_card'
  | 'invalid_time_zone'
  | 'review_out_of_order'
  | 'undo_mismatch'
  | 'corrupt_review_log'

/** Base of every error thrown by the scheduling domain; free of HTTP concerns. */
export class SchedulingError extends Error {
  constructor(
    readonly code: SchedulingErrorCode,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** A rating other than again, hard, good or easy (ts-fsrs `Manual` included). */
export class InvalidRatingError extends SchedulingError {
  constructor(value: unknown) {
    super('invalid_rating', `rating must be again, hard, good or easy, got ${JSON.stringify(value)}`)
  }
}

/** A card_states row whose memory fields cannot be a ts-fsrs card. */
export class InvalidCardError extends SchedulingError {
  constructor(detail: string) {
    super('invalid_card', `card state is invalid: ${detail}`)
  }
}

export class InvalidTimeZoneError extends SchedulingError {
  constructor(timeZone: string) {
    super('invalid_time_zone', `timezone ${JSON.stringify(timeZone)} is not an IANA time zone`)
  }
}

/** A review dated before the card's last review: a stale client or a skewed clock. */
export class ReviewOutOfOrderError extends SchedulingError {
  constructor(reviewedAt: number, lastReview: number) {
    super(
      'review_out_of_order',
      `review at ${new Date(reviewedAt).toISOString()} is before the last review at ${new Date(lastReview).toISOString()}`,
    )
  }
}

/** Undo was asked with a log that is not the card's latest review. */
export class UndoMismatchError extends SchedulingError {
  constructor() {
    super('undo_mismatch', 'the review log is not the latest review of this card')
  }
}

/** The `before` snapshot of a review log cannot be read. */
export class CorruptReviewLogError extends SchedulingError {
  constructor(detail: string) {
    super('corrupt_review_log', `review log cannot be undone: ${detail}`)
  }
}
