import type { DomainScore } from '../../domain/exam'
import { shownTime } from '../../format'
import type { ResultQuestion } from '../../services/exam-result'
import type { ExamResult } from '../../services/exams'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { ScoreTable } from '../components/score-table'
import { ExamBars } from './exam-bars'
import { formatNames, percent } from './exam-format'

export interface ExamResultPageProps {
  result: ExamResult
  csrfToken: string
  timeZone: string
}

function Given(props: { question: ResultQuestion }) {
  const given = props.question.given
  if (!given) return <span class="muted">not answered</span>
  if ('judgements' in given)
    return (
      <ul class="domc-judged">
        {given.judgements.map((j) => (
          <li>
            {j.text} — you answered <strong>{j.judgement ? 'Yes' : 'No'}</strong>
          </li>
        ))}
      </ul>
    )
  return <span class={'optionId' in given ? '' : 'typed-text'}>{given.text || '(empty)'}</span>
}

/** One question of a finished exam or check: the verdict, the right answer and the candidate's. */
export function QuestionResult(props: { question: ResultQuestion; number: number; topic: string }) {
  const q = props.question
  return (
    <li class={`result-question ${q.correct ? 'is-right' : 'is-wrong'}`}>
      <p class="question-meta">
        <strong class={q.correct ? 'ok' : 'error'}>{q.correct ? '✓ Right' : '✗ Wrong'}</strong>
        <span class="muted">
          {' '}
          · Question {props.number} · {formatNames[q.kind]} · {props.topic}
          {q.flagged ? ' · ⚑ flagged' : ''}
        </span>
      </p>
      <CardHtml html={q.promptHtml} class="card-html prompt" />
      <dl class="result-answers">
        <dt>Right answer</dt>
        <dd class={q.kind === 'typein' ? 'typed-text' : ''}>{q.answer.text}</dd>
        <dt>Your answer</dt>
        <dd>
          <Given question={q} />
        </dd>
      </dl>
      <p class="source">
        <a href={q.source.url}>Read the note</a>{' '}
        <span class="muted">{q.source.file ? `(${q.source.file}, line ${q.source.line})` : ''}</span>
      </p>
    </li>
  )
}

/** The score in each exam domain, beside the domain's weight in the real exam. */
function DomainTable(props: { domains: DomainScore[] }) {
  return (
    <section class="card" aria-labelledby="domains-title">
      <h2 id="domains-title">Score by exam domain</h2>
      <ScoreTable
        class="topic-table"
        rowHeader="Domain"
        columns={[
          { label: 'Weight', numeric: true },
          { label: 'Right', numeric: true },
          { label: 'Score', numeric: true },
        ]}
        rows={props.domains.map((d) => ({
          title: d.title,
          cells: [`${d.weight}%`, `${d.correct} of ${d.total}`, d.total === 0 ? '–' : percent(d.correct / d.total)],
        }))}
      />
    </section>
  )
}

/** `/exams/:id/result`: pass or fail, the score by topic, and every question with its answer and note. */
export function ExamResultPage(props: ExamResultPageProps) {
  const r = props.result
  const titles = Object.fromEntries(r.topics.map((t) => [t.topic, t.title]))
  return (
    <div class="exam-result">
      <h1>Mock exam result</h1>
      <section class={`card verdict ${r.passed ? 'passed' : 'failed'}`} aria-labelledby="verdict-title">
        <h2 id="verdict-title" class={r.passed ? 'ok' : 'error'}>
          {r.passed ? 'Passed' : 'Not passed'}: {percent(r.score)}
        </h2>
        <p>
          {r.correct} of {r.total} questions right; the pass mark is {percent(r.passMark)}. Submitted{' '}
          {shownTime(r.submittedAt, props.timeZone)}
          {r.autoSubmitted ? ', automatically when the time ran out' : ''}.
        </p>
        <p class="muted">
          Each question you answered wrong is recorded as an Again review of its card, so it comes back in your reviews
          soon; a right answer starts a card you had not studied; questions left unanswered change nothing.
        </p>
      </section>
      {r.domains.length > 0 ? <DomainTable domains={r.domains} /> : null}
      <section class="card" aria-labelledby="topics-title">
        <h2 id="topics-title">Score by topic</h2>
        <ExamBars topics={r.topics} passMark={r.passMark} />
        <ScoreTable
          class="topic-table"
          caption="Score by topic"
          rowHeader="Topic"
          columns={[
            { label: 'Right', numeric: true },
            { label: 'Score', numeric: true },
          ]}
          rows={r.topics.map((t) => ({
            title: t.title,
            cells: [`${t.correct} of ${t.total}`, percent(t.correct / Math.max(t.total, 1))],
          }))}
        />
      </section>
      <section aria-labelledby="questions-title">
        <h2 id="questions-title">Questions</h2>
        <ol class="result-list">
          {r.questions.map((q, i) => (
            <QuestionResult question={q} number={i + 1} topic={titles[q.topic] ?? q.topic} />
          ))}
        </ol>
      </section>
      <div class="row result-actions">
        <a class="button" href="/exams">
          Back to exams
        </a>
        <form method="post" action="/exams">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="deck" value={r.deck} />
          <input type="hidden" name="seed" value={r.seed} />
          {r.askedTopics.map((topic) => (
            <input type="hidden" name="topics" value={topic} />
          ))}
          <input type="hidden" name="questionCount" value={String(r.total)} />
          <input type="hidden" name="minutes" value={String(r.minutes ?? 90)} />
          <input type="hidden" name="format" value={r.format} />
          <input type="hidden" name="draw" value={r.draw} />
          <input type="hidden" name="passMark" value={String(r.passMark)} />
          <button type="submit" class="secondary">
            Retake the same questions
          </button>
        </form>
      </div>
    </div>
  )
}
