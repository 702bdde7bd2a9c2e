import type { AnswerComparison } from '../../domain/answer'

export interface AnswerDiffProps {
  typed: string
  comparison: AnswerComparison
}

/**
 * The typed answer against the expected one: `<ins>` marks what was missing, `<del>` what was
 * typed but is not in the answer. Everything is text, so hono/jsx escapes it.
 */
export function AnswerDiff(props: AnswerDiffProps) {
  const { correct, diff } = props.comparison
  if (props.typed.trim() === '')
    return (
      <p class="typed-verdict muted" role="status">
        You did not type an answer.
      </p>
    )
  return (
    <div class="typed-answer">
      <p class={`typed-verdict ${correct ? 'ok' : 'error'}`} role="status">
        {correct ? '✓ Your answer matches.' : '✗ Your answer differs:'}
      </p>
      {correct ? null : (
        <>
          <p class="diff">
            <code>
              {diff.map((part) =>
                part.op === 'same' ? (
                  part.text
                ) : part.op === 'del' ? (
                  <ins>
                    <span class="visually-hidden">missing: </span>
                    {part.text}
                  </ins>
                ) : (
                  <del>
                    <span class="visually-hidden">extra: </span>
                    {part.text}
                  </del>
                ),
              )}
            </code>
          </p>
          <p class="muted diff-legend">
            <ins>missing</ins> <del>typed but not in the answer</del>
          </p>
        </>
      )}
      <p class="muted">
        You typed: <code class="typed-text">{props.typed}</code>
      </p>
    </div>
  )
}
