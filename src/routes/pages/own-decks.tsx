import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import { loadNotes } from '../../db/queries/deck-notes'
import { listDecks } from '../../db/queries/decks'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'
import { createDeckSchema, noteParamSchema } from '../../schemas/decks'
import { deckParamSchema } from '../../schemas/review'
import { importFiles } from '../../services/deck-import'
import { createOwnDeck, deleteNote, getNote, previewNote, putNote, requireDeck } from '../../services/own-decks'
import { listTeams } from '../../services/teams'
import { parseWith, validate } from '../../validation'
import { DeckNotesPage, type DeckNotesPageProps, type NotesProblem } from '../../views/pages/deck-notes'
import { NoteEditorPage, type NoteEditorPageProps, NotePreview } from '../../views/pages/note-editor'
import { OwnDecksPage, type OwnDecksPageProps } from '../../views/pages/own-decks'
import { readUploadForm } from '../upload-form'
import { signedIn } from './signed-in'

type Ctx = Context<SignedInEnv>
const page = { styles: ['decks.css'] }
const editorAssets = { styles: ['decks.css'], scripts: ['note-editor.js'] }
const text = (value: unknown) => (typeof value === 'string' ? value : '')

const editorQuerySchema = v.object({
  path: v.optional(noteParamSchema.entries.path),
  line: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a line number'), v.transform(Number))),
  saved: v.optional(v.literal('1')),
})
const notesQuerySchema = v.object({ deleted: v.optional(noteParamSchema.entries.path) })
const noteFormSchema = v.object({ path: noteParamSchema.entries.path })

/** What the page shows of a refused write: a 4xx names the file, line or field; anything else is the error page. */
function problemOf(error: unknown): NotesProblem & { status: 400 | 409 | 413 | 422 | 501 } {
  if (error instanceof AppError && [400, 409, 413, 422, 501].includes(error.status)) {
    const errors = error.options.extra?.errors
    return {
      message: error.message,
      errors: Array.isArray(errors) && errors.every((e) => typeof e?.file === 'string') ? errors : undefined,
      status: error.status as 400 | 409 | 413 | 422 | 501,
    }
  }
  throw error
}

async function renderOwnDecks(c: Ctx, extra: Partial<OwnDecksPageProps> = {}) {
  const ctx = c.var.user
  const [decks, teams] = await Promise.all([listDecks(ctx.db, ctx.userId), listTeams(ctx)])
  const owned = teams.filter((team) => team.role === 'owner')
  const teamName = new Map(owned.map((team) => [team.id, team.name]))
  const mine = decks.flatMap((deck) => {
    const owner = deck.ownerId === ctx.userId ? 'yours' : deck.teamId ? teamName.get(deck.teamId) : undefined
    return owner ? [{ slug: deck.slug, title: deck.title, cardCount: deck.cardCount, owner }] : []
  })
  const props = { decks: mine, teams: owned, csrfToken: c.var.csrfToken, ...extra }
  return c.render(<OwnDecksPage {...props} />, { title: 'Your own decks', ...page })
}

async function renderNotes(c: Ctx, slug: string, extra: Partial<DeckNotesPageProps> = {}) {
  const { deck } = await requireDeck(c.var.user, slug, 'write')
  const [notes, summary] = await Promise.all([
    loadNotes(c.var.db, slug),
    listDecks(c.var.db, c.var.user.userId).then((decks) => decks.find((d) => d.slug === slug)),
  ])
  const encoder = new TextEncoder()
  const props = {
    deck: { slug, title: deck.title, cardCount: summary?.cardCount ?? 0 },
    notes: notes.map((note) => ({ path: note.path, bytes: encoder.encode(note.text).length })),
    csrfToken: c.var.csrfToken,
    ...extra,
  }
  return c.render(<DeckNotesPage {...props} />, { title: `${deck.title}: notes`, ...page })
}

function renderEditor(c: Ctx, props: Omit<NoteEditorPageProps, 'csrfToken'>) {
  return c.render(<NoteEditorPage {...props} csrfToken={c.var.csrfToken} />, {
    title: props.from ? `Edit ${props.from}` : 'New note',
    ...editorAssets,
  })
}

/**
 * The browser side of users' and teams' decks (issue 15): create a deck, its notes, an upload
 * form, exports and a note editor with a preview. Plain forms; `note-editor.js` adds the live
 * preview. Every write goes through the same services as the API.
 */
const pages = new Hono<AppEnv>()
  .use('/decks', signedIn)
  .use('/decks/*', signedIn)
  .get('/decks', (c) => renderOwnDecks(c))
  .post('/decks', async (c) => {
    const body = await c.req.parseBody()
    const form = { name: text(body.name), slug: text(body.slug), team: text(body.team) }
    try {
      const input = parseWith(createDeckSchema, {
        name: form.name,
        ...(form.slug ? { slug: form.slug } : {}),
        ...(form.team ? { team: form.team } : {}),
      })
      const deck = await createOwnDeck(c.var.user, input)
      return c.redirect(`/decks/${deck.slug}/notes`, 303)
    } catch (error) {
      const problem = problemOf(error)
      c.status(problem.status)
      const field = error instanceof AppError ? error.options.field : undefined
      return renderOwnDecks(c, { form, error: { message: problem.message, ...(field ? { field } : {}) } })
    }
  })
  .get('/decks/:slug/notes', validate('param', deckParamSchema), validate('query', notesQuerySchema), (c) =>
    renderNotes(c, c.req.valid('param').slug, { deleted: c.req.valid('query').deleted }),
  )
  .post('/decks/:slug/upload', validate('param', deckParamSchema), async (c) => {
    const { slug } = c.req.valid('param')
    try {
      const files = await readUploadForm(c)
      const imported = await importFiles(c.var.user, c.var.deps.deckTools, slug, files)
      return renderNotes(c, slug, { imported })
    } catch (error) {
      const problem = problemOf(error)
      c.status(problem.status)
      return renderNotes(c, slug, { problem })
    }
  })
  .get('/decks/:slug/note', validate('param', deckParamSchema), validate('query', editorQuerySchema), async (c) => {
    const { slug } = c.req.valid('param')
    const query = c.req.valid('query')
    const { deck } = await requireDeck(c.var.user, slug, 'write')
    const frame = { deck: { slug, title: deck.title } }
    if (!query.path) return renderEditor(c, { ...frame, path: 'new-note.md', text: '' })
    const note = await getNote(c.var.user, slug, query.path)
    const preview = await previewNote(c.var.user, c.var.deps.deckTools, slug, note.path, note.text)
    const props = { ...frame, from: note.path, path: note.path, text: note.text, preview, saved: query.saved === '1' }
    return renderEditor(c, { ...props, line: query.line })
  })
  .post('/decks/:slug/note', validate('param', deckParamSchema), async (c) => {
    const { slug } = c.req.valid('param')
    const body = await c.req.parseBody()
    const form = { path: text(body.path).trim(), text: text(body.text).replace(/\r\n/g, '\n'), from: text(body.from) }
    const from = form.from || undefined
    const { deck } = await requireDeck(c.var.user, slug, 'write')
    const frame = { deck: { slug, title: deck.title }, from, path: form.path, text: form.text }
    try {
      const { path } = parseWith(noteFormSchema, { path: form.path })
      if (body.action !== 'save') {
        const preview = await previewNote(c.var.user, c.var.deps.deckTools, slug, path, form.text, from)
        // The live preview (note-editor.js) asks for the preview alone.
        if (c.req.header('x-preview') === 'fragment') return c.html(<NotePreview preview={preview} />)
        return renderEditor(c, { ...frame, preview })
      }
      await putNote(c.var.user, c.var.deps.deckTools, slug, path, form.text, from)
      return c.redirect(`/decks/${slug}/note?${new URLSearchParams({ path, saved: '1' })}`, 303)
    } catch (error) {
      const problem = problemOf(error)
      c.status(problem.status)
      if (c.req.header('x-preview') === 'fragment') return c.html(<p class="notice error">{problem.message}</p>)
      // A save refused by errors in the notes shows them beside the cards the text would make.
      const preview =
        problem.status === 422 && problem.errors
          ? await previewNote(c.var.user, c.var.deps.deckTools, slug, form.path, form.text, from).catch(() => undefined)
          : undefined
      return renderEditor(c, { ...frame, problem, preview })
    }
  })
  .post('/decks/:slug/note/delete', validate('param', deckParamSchema), async (c) => {
    const { slug } = c.req.valid('param')
    const path = text((await c.req.parseBody()).path)
    try {
      const note = parseWith(noteFormSchema, { path })
      await deleteNote(c.var.user, c.var.deps.deckTools, slug, note.path)
      return c.redirect(`/decks/${slug}/notes?${new URLSearchParams({ deleted: note.path })}`, 303)
    } catch (error) {
      const problem = problemOf(error)
      c.status(problem.status)
      return renderNotes(c, slug, { problem })
    }
  })

/** Mounted by the Node entry through `deps.deckPages` (the Worker has no compiler: these answer 501 there). */
export const ownDeckPages: Hono<AppEnv> = new Hono<AppEnv>().route('/', pages)
