import type { AnswerComparison, DiffPart } from '../../domain/answer'

export interface AnswerDiffProps {
  typed: string
  comparison: AnswerComparison
  /** The learner said "I was right": the answer counts as right and the diff stays for reference. */
  overruled?: boolean | undefined
  /** Where "I was right" leads, when the answer was marked wrong. */
  overruleUrl?: string | undefined
}

/** One diff run; the space that separates it from its neighbour stays outside the mark. */
function mark(part: DiffPart) {
  if (part.op === 'same') return part.text
  const lead = /^\s*/.exec(part.text)?.[0] ?? ''
  const text = part.text.slice(lead.length)
  return (
    <>
      {lead}
      {part.op === 'del' ? (
        <ins>
          <span class="visually-hidden">missing: </span>
          {text}
        </ins>
      ) : (
        <del>
          <span class="visually-hidden">extra: </span>
          {text}
        </del>
      )}
    </>
  )
}

/**
 * The typed answer against the expected one: `<ins>` marks what was missing, `<del>` what was
 * typed but is not in the answer. Everything is text, so hono/jsx escapes it.
 */
export function AnswerDiff(props: AnswerDiffProps) {
  const { diff } = props.comparison
  const correct = props.comparison.correct || props.overruled === true
  if (props.typed.trim() === '')
    return (
      <p class="typed-verdict muted" role="status">
        You did not type an answer.
      </p>
    )
  return (
    <div class="typed-answer">
      <p class={`typed-verdict ${correct ? 'ok' : 'error'}`} role="status">
        {props.comparison.correct
          ? '✓ Your answer matches.'
          : correct
            ? '✓ You marked your answer right. It differs from the notes:'
            : '✗ Your answer differs:'}
      </p>
      {props.comparison.correct ? null : (
        <>
          <p class="diff">
            <code>{diff.map(mark)}</code>
          </p>
          <p class="muted diff-legend">
            Key: <ins>missing</ins>, <del>extra</del>
          </p>
          {props.overruleUrl ? (
            <p>
              <a href={props.overruleUrl} id="overrule" data-key="r">
                I was right
              </a>{' '}
              <kbd>R</kbd>
            </p>
          ) : null}
        </>
      )}
      <p class="muted">
        You typed: <code class="typed-text">{props.typed}</code>
      </p>
    </div>
  )
}
