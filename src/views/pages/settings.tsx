import { CsrfField } from '../components/csrf-field'
import { TimeZoneSelect } from '../components/time-zone-select'
import { describedBy, SettingsField } from './settings-field'

/** The form's values as typed (strings), so a rejected form shows what was sent. */
export interface SettingsValues {
  desiredRetention: string
  newCardsPerDay: string
  maxReviewsPerDay: string
  learningSteps: string
  relearningSteps: string
  timezone: string
  dayStartsAt: string
  leechThreshold: string
  examDate: string
  fuzz: boolean
  learnAheadMinutes: string
  maximumInterval: string
  buryNewSiblings: boolean
  buryReviewSiblings: boolean
  buryInterdayLearningSiblings: boolean
  newCardOrder: string
  reviewOrder: string
}

type Checkbox = 'fuzz' | 'buryNewSiblings' | 'buryReviewSiblings' | 'buryInterdayLearningSiblings'

export interface SettingsPageProps {
  values: SettingsValues
  errors: Partial<Record<keyof SettingsValues, string>>
  saved: boolean
  csrfToken: string
  /** True when the user's own fitted FSRS parameters schedule their cards. */
  personal: boolean
  /** The outcome of "Fit to my reviews", shown after it ran. */
  fit?: FitNotice
}

export interface FitNotice {
  ok: boolean
  text: string
}

const hours = Array.from({ length: 24 }, (_, h) => h)

const orders = {
  newCardOrder: [
    ['deck', "The deck's order (as in the notes)"],
    ['random', 'Random'],
  ],
  reviewOrder: [
    ['dueDateThenRandom', 'Due date, then random'],
    ['due', 'Oldest due first'],
  ],
} as const

export function SettingsPage(props: SettingsPageProps) {
  const { values, errors } = props
  const invalid = (name: keyof SettingsValues) => (errors[name] ? 'true' : undefined)
  const number = (name: keyof SettingsValues, min: number, max: number, step = 1) => (
    <input
      id={name}
      name={name}
      type="number"
      inputmode={step === 1 ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={step}
      required
      value={String(values[name])}
      aria-invalid={invalid(name)}
      aria-describedby={describedBy(name, errors[name])}
    />
  )
  const text = (name: 'learningSteps' | 'relearningSteps') => (
    <input
      id={name}
      name={name}
      autocomplete="off"
      value={values[name]}
      aria-invalid={invalid(name)}
      aria-describedby={describedBy(name, errors[name])}
    />
  )
  const select = (name: keyof typeof orders) => (
    <select id={name} name={name} aria-invalid={invalid(name)} aria-describedby={describedBy(name, errors[name])}>
      {orders[name].map(([value, label]) => (
        <option value={value} selected={values[name] === value}>
          {label}
        </option>
      ))}
    </select>
  )
  const checkbox = (name: Checkbox, label: string, hint: string) => (
    <div class="field checkbox">
      <input
        id={name}
        name={name}
        type="checkbox"
        value="on"
        checked={values[name]}
        aria-describedby={`${name}-hint`}
      />
      <label for={name}>{label}</label>
      <p id={`${name}-hint`} class="muted hint">
        {hint}
      </p>
    </div>
  )
  const count = Object.keys(errors).length
  return (
    <section class="card settings">
      <h1>Study settings</h1>
      {props.saved ? (
        <p class="notice ok" role="status">
          Settings saved.
        </p>
      ) : null}
      {count > 0 ? (
        <p class="notice error" role="alert">
          {count === 1 ? 'One setting needs fixing.' : `${count} settings need fixing.`} Nothing was saved.
        </p>
      ) : null}
      {/* Shown by timezone.js when the browser's zone is not the one saved. */}
      <form
        method="post"
        action="/settings/timezone"
        class="notice info"
        data-timezone-offer
        data-current={values.timezone}
        hidden
      >
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="timezone" value="" data-browser-timezone />
        <p>
          {'Your browser is in '}
          <strong data-zone-name="" />
          {`, but your study days follow ${values.timezone}. `}
          <button type="submit">
            {'Use '}
            <span data-zone-name="" />
          </button>
        </p>
      </form>
      <form method="post" action="/settings" novalidate>
        <CsrfField token={props.csrfToken} />
        <SettingsField
          name="desiredRetention"
          label="Desired retention"
          error={errors.desiredRetention}
          hint="How likely you want to be to remember a card when it comes back: 0.70 to 0.99. Higher means more reviews."
        >
          {number('desiredRetention', 0.7, 0.99, 0.01)}
        </SettingsField>
        <SettingsField name="newCardsPerDay" label="New cards per day" error={errors.newCardsPerDay} hint="0 to 9999.">
          {number('newCardsPerDay', 0, 9999)}
        </SettingsField>
        <SettingsField
          name="maxReviewsPerDay"
          label="Maximum reviews per day"
          error={errors.maxReviewsPerDay}
          hint="1 to 9999."
        >
          {number('maxReviewsPerDay', 1, 9999)}
        </SettingsField>
        <SettingsField
          name="learningSteps"
          label="Learning steps"
          error={errors.learningSteps}
          hint="Waits before a new card graduates, separated by spaces: 1m 10m (m minutes, h hours, d days)."
        >
          {text('learningSteps')}
        </SettingsField>
        <SettingsField
          name="relearningSteps"
          label="Relearning steps"
          error={errors.relearningSteps}
          hint="Waits after you forget a card, such as 10m."
        >
          {text('relearningSteps')}
        </SettingsField>
        <SettingsField
          name="timezone"
          label="Time zone"
          error={errors.timezone}
          hint="Your study day follows this clock."
        >
          <TimeZoneSelect
            id="timezone"
            name="timezone"
            value={values.timezone}
            invalid={invalid('timezone') === 'true'}
            describedBy={describedBy('timezone', errors.timezone)}
          />
        </SettingsField>
        <SettingsField
          name="dayStartsAt"
          label="A new study day starts at"
          error={errors.dayStartsAt}
          hint="Reviews before this hour count for the day before, as in Anki (default 04:00)."
        >
          <select
            id="dayStartsAt"
            name="dayStartsAt"
            aria-invalid={invalid('dayStartsAt')}
            aria-describedby={describedBy('dayStartsAt', errors.dayStartsAt)}
          >
            {hours.map((h) => (
              <option value={String(h)} selected={String(h) === values.dayStartsAt}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
        </SettingsField>
        <SettingsField
          name="leechThreshold"
          label="Leech threshold"
          error={errors.leechThreshold}
          hint="After this many lapses a card is tagged leech and suspended: 1 to 99."
        >
          {number('leechThreshold', 1, 99)}
        </SettingsField>
        <SettingsField
          name="examDate"
          label="Exam date (optional)"
          error={errors.examDate}
          hint="Leave empty if you have no exam booked."
        >
          <input
            id="examDate"
            name="examDate"
            type="date"
            value={values.examDate}
            aria-invalid={invalid('examDate')}
            aria-describedby={describedBy('examDate', errors.examDate)}
          />
        </SettingsField>
        <SettingsField
          name="learnAheadMinutes"
          label="Learn ahead limit (minutes)"
          error={errors.learnAheadMinutes}
          hint="At the end of a session, learning cards due within this many minutes are shown now rather than waited for: 0 to 240 (Anki's default is 20)."
        >
          {number('learnAheadMinutes', 0, 240)}
        </SettingsField>
        <SettingsField
          name="maximumInterval"
          label="Maximum interval (days)"
          error={errors.maximumInterval}
          hint="No card waits longer than this: 1 to 36500 (Anki's default, 100 years)."
        >
          {number('maximumInterval', 1, 36500)}
        </SettingsField>
        <SettingsField
          name="newCardOrder"
          label="New card order"
          error={errors.newCardOrder}
          hint="Random shuffles new cards once a day: a reload shows the same card."
        >
          {select('newCardOrder')}
        </SettingsField>
        <SettingsField
          name="reviewOrder"
          label="Review order"
          error={errors.reviewOrder}
          hint="Due date, then random (Anki's default) mixes the cards due on one day; oldest due first keeps the exact order."
        >
          {select('reviewOrder')}
        </SettingsField>
        {checkbox(
          'fuzz',
          'Fuzz intervals',
          'Spreads cards learned together over nearby days, so they do not all come back at once.',
        )}
        <fieldset>
          <legend>Siblings (cards from the same note, such as a term and its reverse)</legend>
          <p class="muted hint">
            A reverse card is never introduced on the day its forward card is. Answering a card can also bury its
            siblings until the next study day, as Anki's options do.
          </p>
          {checkbox(
            'buryNewSiblings',
            'Bury new siblings',
            'New cards of a note you answered today wait until tomorrow.',
          )}
          {checkbox(
            'buryReviewSiblings',
            'Bury review siblings',
            'Review cards of a note you answered today wait until tomorrow.',
          )}
          {checkbox(
            'buryInterdayLearningSiblings',
            'Bury interday learning siblings',
            'Learning cards on a step of a day or more wait until tomorrow too (off by default, as in Anki).',
          )}
        </fieldset>
        <p>
          <button type="submit">Save settings</button>
        </p>
      </form>
      <h2 id="memory-model">Memory model</h2>
      {props.fit ? (
        <p class={`notice ${props.fit.ok ? 'ok' : 'error'}`} role={props.fit.ok ? 'status' : 'alert'}>
          {props.fit.text}
        </p>
      ) : null}
      <p class="muted">
        {props.personal
          ? 'Your cards are scheduled with FSRS parameters fitted to your own reviews.'
          : "Your cards are scheduled with FSRS-6's default parameters."}{' '}
        Fitting learns how fast you forget from your review answers (quiz and exam answers are left out) and keeps the
        result only if it predicts reviews held out of the fit better. It needs at least 400 reviews of cards seen on an
        earlier day.
      </p>
      <form method="post" action="/settings/optimize" aria-labelledby="memory-model">
        <CsrfField token={props.csrfToken} />
        <button type="submit">Fit to my reviews</button>
      </form>
    </section>
  )
}
