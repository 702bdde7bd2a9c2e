import { CsrfField } from '../components/csrf-field'
import { noteEditUrl } from '../components/review-links'

/** A problem to show on the page: the message names the file and line; `errors` lists the rest. */
export interface NotesProblem {
  message: string
  errors?: { file: string; line: number; message: string }[] | undefined
}

/** What an upload brought in, as the import route answers it. */
export interface ImportSummary {
  notes: string[]
  cards: number
  kinds: Record<string, number>
  history: { states: number; reviews: number }
  files: { name: string; media?: unknown }[]
  warnings: { file: string; line: number; message: string }[]
}

export interface DeckNotesPageProps {
  deck: { slug: string; title: string; cardCount: number }
  notes: { path: string; bytes: number }[]
  csrfToken: string
  imported?: ImportSummary | undefined
  problem?: NotesProblem | undefined
  /** A note just deleted, named in a notice. */
  deleted?: string | undefined
}

export function ProblemNotice(props: { problem?: NotesProblem | undefined }) {
  const problem = props.problem
  if (!problem) return null
  const more = (problem.errors ?? []).slice(1)
  return (
    <div id="form-error" class="notice error" role="alert">
      <p>{problem.message}</p>
      {more.length > 0 ? (
        <ul>
          {more.map((e) => (
            <li>{`${e.file}:${e.line}: ${e.message}`}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function ImportNotice(props: { imported: ImportSummary }) {
  const { imported } = props
  const kinds = Object.entries(imported.kinds)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')
  const missing = imported.files.flatMap((f) => {
    const list = (f.media as { missing?: unknown } | undefined)?.missing
    return Array.isArray(list) ? list.map(String) : []
  })
  return (
    <div class="notice info" role="status">
      <p>
        {`Imported ${imported.notes.length} ${imported.notes.length === 1 ? 'note' : 'notes'} with ${imported.cards} cards`}
        {kinds ? ` (${kinds})` : ''}
        {imported.history.reviews + imported.history.states > 0
          ? `, ${imported.history.states} schedules and ${imported.history.reviews} past reviews`
          : ''}
        .
      </p>
      {missing.length > 0 ? (
        <p>{`Media referenced but not in the upload: ${missing.slice(0, 20).join(', ')}`}</p>
      ) : null}
      {imported.warnings.length > 0 ? (
        <ul>
          {imported.warnings.slice(0, 20).map((w) => (
            <li>{`${w.file}:${w.line}: ${w.message}`}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

const exports: [format: string, label: string][] = [
  ['apkg', 'Anki package (.apkg)'],
  ['csv', 'CSV'],
  ['tsv', 'TSV'],
  ['md', 'Markdown notes (.zip)'],
]

/** `/decks/{slug}/notes`: a deck's notes to edit or delete, an upload form and the exports. */
export function DeckNotesPage(props: DeckNotesPageProps) {
  const { deck } = props
  return (
    <>
      <p class="muted">
        <a href="/decks">Your own decks</a> › <a href={`/decks/${deck.slug}`}>{deck.title}</a>
      </p>
      <h1>{`${deck.title}: notes`}</h1>
      <ProblemNotice problem={props.problem} />
      {props.imported ? <ImportNotice imported={props.imported} /> : null}
      {props.deleted ? (
        <p class="notice info" role="status">
          {`Deleted ${props.deleted}: its cards are retired, their history kept.`}
        </p>
      ) : null}
      <section class="card" aria-labelledby="notes-heading">
        <div class="row">
          <h2 id="notes-heading" class="grow">
            {`${props.notes.length} ${props.notes.length === 1 ? 'note' : 'notes'} · ${deck.cardCount} cards`}
          </h2>
          <a class="button" href={noteEditUrl(deck.slug)}>
            New note
          </a>
          <a class="button secondary" href={`/review?deck=${deck.slug}`}>
            Review
          </a>
        </div>
        {props.notes.length === 0 ? (
          <p class="muted">No notes yet: write one, or upload files below.</p>
        ) : (
          <table class="note-table">
            <thead>
              <tr>
                <th scope="col">Note</th>
                <th scope="col" class="num">
                  Size
                </th>
                <th scope="col">
                  <span class="visually-hidden">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.notes.map((note) => (
                <tr>
                  <th scope="row">
                    <a href={noteEditUrl(deck.slug, note.path)} aria-label={`Edit ${note.path}`}>
                      {note.path}
                    </a>
                  </th>
                  <td class="num">{`${Math.max(1, Math.round(note.bytes / 1024))} KB`}</td>
                  <td class="action">
                    <form method="post" action={`/decks/${deck.slug}/note/delete`}>
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="path" value={note.path} />
                      <button class="secondary" type="submit">
                        Delete<span class="visually-hidden">{` ${note.path}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload files</h2>
        <form method="post" action={`/decks/${deck.slug}/upload`} enctype="multipart/form-data">
          <CsrfField token={props.csrfToken} />
          <label for="upload-files">Files</label>
          <input
            id="upload-files"
            type="file"
            name="file"
            multiple
            required
            accept=".md,.markdown,.zip,.csv,.tsv,.apkg,.colpkg"
            aria-describedby="upload-hint"
          />
          <p id="upload-hint" class="muted">
            Markdown notes (.md), a zipped folder such as an Obsidian vault (.zip), Quizlet exports (.csv, .tsv) or Anki
            packages (.apkg, .colpkg) with their schedules and review history. All or nothing: one bad file changes
            nothing, and the error names it. A note uploaded again keeps its cards and their history.
          </p>
          <p>
            <button type="submit">Upload</button>
          </p>
        </form>
      </section>
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p class="muted">Your schedule and review history go with the Anki package.</p>
        <p class="row">
          {exports.map(([format, label]) => (
            <a class="button secondary" href={`/api/v1/decks/${deck.slug}/export?format=${format}`} download>
              {label}
            </a>
          ))}
        </p>
      </section>
    </>
  )
}
