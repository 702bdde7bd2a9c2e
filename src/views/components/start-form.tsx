import type { Child } from 'hono/jsx'
import type { DeckSummary } from '../../db/queries/decks'
import { TopicChoice } from '../pages/exam-topic-choice'
import { CsrfField } from './csrf-field'

/** A refused start form's reason, beside the field it names. */
export interface StartFormError {
  field?: string | undefined
  message: string
}

/** `aria-invalid` for the field the error names. */
export const invalidIn = (error: StartFormError | undefined) => (name: string) =>
  error?.field === name ? ('true' as const) : undefined

export interface StartFormProps {
  action: '/exams' | '/quiz'
  class?: string
  csrfToken: string
  deck: DeckSummary
  topics: string[]
  error?: StartFormError | undefined
  /** Shown before the topics (the exam's blueprint-or-notes choice). */
  before?: Child
  submit: string
  children?: Child
}

/**
 * The form that starts an exam or a quiz in one deck: the refusal, if any, then the deck, topic
 * checkboxes, the attempt's own fields (children) and the start button.
 */
export function StartForm(props: StartFormProps) {
  return (
    <>
      {props.error ? (
        <p class="notice" role="alert">
          {props.error.message}
        </p>
      ) : null}
      <form method="post" action={props.action} class={props.class}>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="deck" value={props.deck.slug} />
        {props.before}
        <TopicChoice topics={props.deck.topics} checked={props.topics} invalid={invalidIn(props.error)('topics')} />
        {props.children}
        <p>
          <button type="submit">{props.submit}</button>
        </p>
      </form>
    </>
  )
}

export interface NumberFieldProps {
  name: string
  label: string
  class?: string
  max: string
  value: string
  invalid?: 'true' | undefined
}

/** A required whole number from 1 to `max`, labelled (questions, minutes). */
export function NumberField(props: NumberFieldProps) {
  return (
    <>
      <label for={props.name}>{props.label}</label>
      <input
        id={props.name}
        class={props.class}
        name={props.name}
        type="number"
        min="1"
        max={props.max}
        required
        value={props.value}
        aria-invalid={props.invalid}
      />
    </>
  )
}
