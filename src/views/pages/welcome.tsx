import type { Child } from 'hono/jsx'
import { CsrfField } from '../components/csrf-field'

export interface WelcomeProps {
  newCardsPerDay: number
  maxReviewsPerDay: number
  examDate: string | null
  /** Shown on the home page before the first review, with a button that hides it for good. */
  firstRun?: { csrfToken: string }
}

/** One level below the page's own heading: h1 on /welcome, h2 inside the home page. */
function Heading(props: { level: number; id?: string; children: Child }) {
  if (props.level === 1) return <h1 id={props.id}>{props.children}</h1>
  if (props.level === 2) return <h2 id={props.id}>{props.children}</h2>
  return <h3 id={props.id}>{props.children}</h3>
}

/** The first-run introduction: the four grades, the daily limits and the exam date, in a minute. */
export function WelcomePage(props: WelcomeProps) {
  const top = props.firstRun ? 2 : 1
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <Heading level={top} id="welcome-title">
        Welcome to dockdeck
      </Heading>
      <p>dockdeck shows you each card just before you would forget it. Here is how it works, in a minute.</p>
      <Heading level={top + 1}>Grade yourself honestly</Heading>
      <p>Read the question, answer it in your head (or type it), then reveal the answer and pick one of four grades:</p>
      <dl class="grades">
        <dt>Again</dt>
        <dd>You forgot it. You will see it again in a few minutes.</dd>
        <dt>Hard</dt>
        <dd>You recalled it, with real effort. The next interval grows a little.</dd>
        <dt>Good</dt>
        <dd>You recalled it after a moment's thought. This is the usual grade.</dd>
        <dt>Easy</dt>
        <dd>You knew it at once. The next interval grows a lot.</dd>
      </dl>
      <Heading level={top + 1}>A little every day</Heading>
      <p>
        {`Each day brings at most ${props.newCardsPerDay} new cards and ${props.maxReviewsPerDay} reviews. `}
        Missing a day is fine: the cards wait for you. You can change both limits in <a href="/settings">settings</a>.
      </p>
      <Heading level={top + 1}>Preparing for an exam?</Heading>
      <p>
        {props.examDate
          ? `Your exam date is ${props.examDate}. `
          : 'Set your exam date in settings and dockdeck shows, per topic, how ready you will be on that day. '}
        Mock exams and quizzes are under <a href="/exams">Exams</a>.
      </p>
      <div class="row">
        <a class="button" href="/review">
          Start reviewing
        </a>
        {props.firstRun ? (
          <form method="post" action="/welcome/skip">
            <CsrfField token={props.firstRun.csrfToken} />
            <button class="secondary" type="submit">
              Skip the introduction
            </button>
          </form>
        ) : (
          <a href="/">Back to your decks</a>
        )}
      </div>
      <p class="muted">You can read this again at any time from Help, at the bottom of every page.</p>
    </section>
  )
}
