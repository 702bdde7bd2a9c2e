import type { AnswerComparison, DiffPart } from '../../domain/answer'

export interface AnswerDiffProps {
  typed: string
  comparison: AnswerComparison
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
            <code>{diff.map(mark)}</code>
          </p>
          <p class="muted diff-legend">
            Key: <ins>missing</ins>, <del>extra</del>
          </p>
        </>
      )}
      <p class="muted">
        You typed: <code class="typed-text">{props.typed}</code>
      </p>
    </div>
  )
}
