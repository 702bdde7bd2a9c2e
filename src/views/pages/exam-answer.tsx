import type { PublicQuestion } from '../../domain/exam'
import type { AnswerState } from '../../services/exam-state'
import { CsrfField } from '../components/csrf-field'
import { optionLetter } from './exam-format'

export interface ExamAnswerProps {
  examId: string
  question: PublicQuestion
  state: AnswerState
  /** 0-based. */
  index: number
  total: number
  csrfToken: string
}

function FlagButton(props: { flagged: boolean }) {
  return (
    <button type="submit" class="secondary" name="flagged" value={String(!props.flagged)} data-shortcut="f">
      {props.flagged ? 'Remove flag' : 'Flag for review'} <kbd>F</kbd>
    </button>
  )
}

function SaveButtons(props: ExamAnswerProps) {
  return (
    <div class="row answer-buttons">
      <button type="submit" name="go" value="next">
        {props.index + 1 < props.total ? 'Save and next' : 'Save'}
      </button>
      <button type="submit" name="go" value="prev" class="secondary" disabled={props.index === 0}>
        Save and previous
      </button>
      {/* Every kind can be left for later, as DOMC questions always could. */}
      {props.index + 1 < props.total && !props.state.answered ? (
        <a class="button secondary" href={`/exams/${props.examId}?q=${props.index + 2}`}>
          Skip for now
        </a>
      ) : null}
      <FlagButton flagged={props.state.flagged} />
    </div>
  )
}

function Choices(props: ExamAnswerProps) {
  if (props.question.kind !== 'mcq') return null
  return (
    <fieldset class="options">
      <legend>
        Choose one answer <span class="muted">(keys A–D or 1–4, then Enter)</span>
      </legend>
      {props.question.options.map((option, i) => (
        <label class="option">
          <input type="radio" name="choice" value={option.id} checked={props.state.choice === option.id} />
          <span class="letter" aria-hidden="true">
            {optionLetter(i)}
          </span>
          <span class="option-text">{option.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

function Domc(props: ExamAnswerProps) {
  if (props.question.kind !== 'domc') return null
  const { judgements = [], nextOptionId } = props.state
  const shown = props.question.options.find((o) => o.id === nextOptionId)
  const judged = props.question.options.slice(0, judgements.length)
  return (
    <>
      {judged.length ? (
        <ul class="domc-judged">
          {judged.map((option, i) => (
            <li>
              <span class="option-text">{option.text}</span> — you answered{' '}
              <strong>{judgements[i]?.judgement ? 'Yes' : 'No'}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <fieldset class="domc">
          <legend>Is this a correct answer to the question?</legend>
          <input type="hidden" name="optionId" value={shown.id} />
          <p class="domc-option">{shown.text}</p>
          <div class="row">
            <button type="submit" name="judgement" value="yes" data-shortcut="y">
              Yes <kbd>Y</kbd>
            </button>
            <button type="submit" name="judgement" value="no" data-shortcut="n">
              No <kbd>N</kbd>
            </button>
          </div>
          <p class="muted">Options come one at a time and cannot be changed once judged.</p>
        </fieldset>
      ) : (
        <p class="ok">This question is complete.</p>
      )}
    </>
  )
}

/** The answer form of one question, by kind; every control works without JavaScript. */
export function ExamAnswer(props: ExamAnswerProps) {
  const { question, examId, index, total } = props
  const link = (n: number) => `/exams/${examId}?q=${n}`
  return (
    <form method="post" action={`/exams/${examId}/answer`} class="answer-form" data-kind={question.kind}>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="question" value={question.id} />
      <input type="hidden" name="q" value={String(index + 1)} />
      <Choices {...props} />
      {question.kind === 'typein' ? (
        <>
          <label for="answer-text">Type the command</label>
          <input
            id="answer-text"
            class="typed-input"
            name="text"
            value={props.state.text ?? ''}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            autofocus
          />
        </>
      ) : null}
      <Domc {...props} />
      {question.kind === 'domc' ? (
        <div class="row answer-buttons">
          {index > 0 ? (
            <a class="button secondary" href={link(index)}>
              Previous
            </a>
          ) : null}
          {index + 1 < total ? (
            <a class="button secondary" href={link(index + 2)}>
              {props.state.answered ? 'Next' : 'Skip for now'}
            </a>
          ) : null}
          <FlagButton flagged={props.state.flagged} />
        </div>
      ) : (
        <SaveButtons {...props} />
      )}
    </form>
  )
}
