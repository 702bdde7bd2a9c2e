import type { AnswerComparison } from '../../domain/answer'
import type { RatingName } from '../../domain/scheduling'
import { AnswerDiff } from '../components/answer-diff'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { ReviewActions } from '../components/review-actions'
import { noteEditUrl, noteUrl, reviewUrl } from '../components/review-links'
import { ScopeFields } from '../components/scope-fields'
import { type ReviewCard, type ReviewFrame, ReviewHeader } from './review'

export interface ReviewAnswerProps extends ReviewFrame {
  card: ReviewCard
  intervals: Record<RatingName, string>
  /** When the question was shown: a card answered elsewhere since then is refused (409). */
  shownAt: string
  /** Generated for this render, so submitting the same grade form twice records once. */
  idempotencyKey: string
  /** The card's state as shown, signed: the grade is written in one round trip. */
  snapshot?: string | undefined
  /** `overruled`: the learner said "I was right" about an answer marked wrong. */
  typed?: { text: string; comparison: AnswerComparison; overruled?: boolean } | undefined
  /** The card's deck is the learner's (or their team's, as its owner): E opens the note's editor. */
  editable?: boolean
}

const grades: [RatingName, string, string][] = [
  ['again', 'Again', '1'],
  ['hard', 'Hard', '2'],
  ['good', 'Good', '3'],
  ['easy', 'Easy', '4'],
]

/** The answer side: the answer, the typed-answer diff, where it came from, and the four grades. */
export function ReviewAnswer(props: ReviewAnswerProps) {
  const { card } = props
  const typed = props.typed
  const wrong = typed !== undefined && !typed.comparison.correct && !typed.overruled
  const focus: RatingName = wrong ? 'again' : 'good'
  // "I was right" shows this page again with the answer counted right, so Good is the default grade.
  const overruleUrl =
    wrong && typed.text.trim() !== ''
      ? reviewUrl('/review/answer', props.scope, {
          card: card.id,
          shownAt: props.shownAt,
          typed: typed.text,
          right: '1',
        })
      : undefined
  return (
    <div class="review" data-side="answer" data-card={card.id}>
      <ReviewHeader {...props} />
      <section class="card review-card" aria-labelledby="answer-label">
        <CardHtml html={card.promptHtml} class="card-html prompt" />
        <hr />
        <h2 id="answer-label" class="visually-hidden">
          Answer
        </h2>
        <CardHtml html={card.answerHtml} class="card-html answer" />
        {typed ? (
          <AnswerDiff
            typed={typed.text}
            comparison={typed.comparison}
            overruled={typed.overruled}
            overruleUrl={overruleUrl}
          />
        ) : null}
        <p class="source muted">
          From your notes:{' '}
          {props.editable ? (
            <>
              <a href={noteUrl(card)}>{`${card.source.file}, line ${card.source.line}`}</a> ·{' '}
              <a id="edit-link" href={noteEditUrl(card.deck, card.source.file, card.source.line)} data-key="e">
                Edit the note
              </a>
            </>
          ) : (
            <a id="source-link" href={noteUrl(card)} data-key="e">
              {`${card.source.file}, line ${card.source.line}`}
            </a>
          )}{' '}
          <kbd class="hint">E</kbd>
        </p>
      </section>
      <form method="post" action="/review/grade" class="grades" data-grade-form>
        <CsrfField token={props.csrfToken} />
        <ScopeFields scope={props.scope} />
        <input type="hidden" name="cardId" value={card.id} />
        <input type="hidden" name="shownAt" value={props.shownAt} />
        <input type="hidden" name="key" value={props.idempotencyKey} />
        {props.snapshot ? <input type="hidden" name="snapshot" value={props.snapshot} /> : null}
        <input type="hidden" name="durationMs" value="" />
        <fieldset>
          <legend>How well did you remember?</legend>
          <div class="grade-buttons">
            {grades.map(([rating, label, key]) => (
              <button
                type="submit"
                name="rating"
                value={rating}
                class={`grade grade-${rating}`}
                data-key={key}
                autofocus={rating === focus}
              >
                <span class="grade-label">{label}</span> <span class="grade-interval">{props.intervals[rating]}</span>{' '}
                <kbd class="hint">{key}</kbd>
              </button>
            ))}
          </div>
        </fieldset>
      </form>
      <ReviewActions cardId={card.id} scope={props.scope} csrfToken={props.csrfToken} />
    </div>
  )
}
