import type { previewNote } from '../../services/own-decks'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { type NotesProblem, ProblemNotice } from './deck-notes'

export type NotePreviewData = Awaited<ReturnType<typeof previewNote>>

export interface NoteEditorPageProps {
  deck: { slug: string; title: string }
  /** The note's path as stored; none for a new note. */
  from?: string | undefined
  path: string
  text: string
  /** The line to put the caret on (from "E" in review). */
  line?: number | undefined
  preview?: NotePreviewData | undefined
  /** A problem with the form itself (a bad path, a limit). */
  problem?: NotesProblem | undefined
  saved?: boolean
  csrfToken: string
}

/** The cards a note makes, its warnings and the errors that refuse a save. */
export function NotePreview(props: { preview?: NotePreviewData | undefined }) {
  const preview = props.preview
  if (!preview) return <p class="muted">Preview the note to see the cards it makes.</p>
  const { cards, warnings, errors } = preview
  return (
    <>
      <h2 id="preview-heading">{`Preview: ${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`}</h2>
      {errors.length > 0 ? (
        <div class="notice error" role="alert">
          <p>{`${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: the note cannot be saved until fixed.`}</p>
          <ul class="diagnostics">
            {errors.map((e) => (
              <li>{`${e.file}:${e.line}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div class="notice warn">
          <p>{`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}</p>
          <ul class="diagnostics">
            {warnings.map((w) => (
              <li>{`line ${w.line}: ${w.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {cards.length === 0 ? (
        <p class="muted">
          No cards yet. Write `Question :: Answer` on a line, or a `**Term**: definition`; see{' '}
          <a href="/help#notes">how notes become cards</a>.
        </p>
      ) : (
        <ol class="deck-cards">
          {cards.map((card) => (
            <li class="deck-card">
              <CardHtml html={card.promptHtml} class="card-html prompt" />
              <CardHtml html={card.answerHtml} class="card-html answer" />
              <p class="muted card-meta">
                <span class="kind">{card.kind}</span>
                {` · line ${card.line}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

/** `/decks/{slug}/note`: a note's Markdown, with Preview (compiles, saves nothing) and Save. */
export function NoteEditorPage(props: NoteEditorPageProps) {
  const { deck } = props
  const action = `/decks/${deck.slug}/note`
  return (
    <>
      <p class="muted">
        <a href="/decks">Your own decks</a> › <a href={`/decks/${deck.slug}/notes`}>{`${deck.title}: notes`}</a>
      </p>
      <h1>{props.from ? `Edit ${props.from}` : 'New note'}</h1>
      <ProblemNotice problem={props.problem} />
      {props.saved ? (
        <p class="notice info" role="status">
          Saved. Cards kept their ids and history; cards gone from the note are retired.
        </p>
      ) : null}
      <div class="note-editor">
        <form method="post" action={action} enctype="multipart/form-data" class="card" data-note-form>
          <CsrfField token={props.csrfToken} />
          {props.from ? <input type="hidden" name="from" value={props.from} /> : null}
          <label for="note-path">Path</label>
          <input
            id="note-path"
            name="path"
            required
            value={props.path}
            aria-describedby="note-path-hint"
            spellcheck={false}
          />
          <p id="note-path-hint" class="muted">
            Ends in .md; folders with slashes (networking/ports.md). Changing it renames the note, cards and history
            kept.
          </p>
          <label for="note-text">Markdown</label>
          <textarea
            id="note-text"
            name="text"
            rows={20}
            spellcheck={false}
            autofocus
            data-line={props.line ? String(props.line) : undefined}
            aria-describedby="note-text-hint"
          >
            {/* The HTML parser drops a newline right after <textarea>: this one, not the note's own. */}
            {`\n${props.text}`}
          </textarea>
          <p id="note-text-hint" class="muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves. The preview follows your typing when scripts run.
          </p>
          <p class="row">
            <button type="submit" name="action" value="save" data-save>
              Save
            </button>
            <button type="submit" name="action" value="preview" class="secondary">
              Preview
            </button>
            {props.from ? (
              <a class="button secondary" href={`/decks/${deck.slug}/notes`}>
                Back to the notes
              </a>
            ) : null}
          </p>
        </form>
        <section id="preview" class="card note-preview" aria-live="polite" aria-labelledby="preview-heading">
          <NotePreview preview={props.preview} />
        </section>
      </div>
      {props.from ? (
        <form method="post" action={`/decks/${deck.slug}/note/delete`} class="card">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="path" value={props.from} />
          <p class="row">
            <span class="grow muted">Deleting retires the note’s cards; their history is kept.</span>
            <button type="submit" class="secondary">{`Delete ${props.from}`}</button>
          </p>
        </form>
      ) : null}
    </>
  )
}
