import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { loadNotes } from '../db/queries/deck-notes'
import { listCards, listDecks } from '../db/queries/decks'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { createDeckSchema, exportQuerySchema, noteParamSchema, putNoteQuerySchema } from '../schemas/decks'
import { deckCardsQuerySchema, deckParamSchema } from '../schemas/review'
import { exportDeck } from '../services/deck-export'
import { importFiles } from '../services/deck-import'
import { createOwnDeck, deleteNote, getNote, putNote, requireDeck } from '../services/own-decks'
import { presentCard } from '../services/review'
import { validate } from '../validation'
import { created, errors, ok } from './openapi-responses'
import { readUploadForm } from './upload-form'

const tags = ['Decks']
const noDeck = { 404: 'No such deck, or not one you may see' }
const readOnly = { 403: 'The deck is shared or your team’s, and you are not its owner' }
const badNotes = {
  413: 'The note is over the size limit',
  422: 'The notes have errors (each named by file and line), or a deck or user limit would be passed',
  501: 'Not on this server: notes are compiled on the Node server only',
}
const markdown = { 'text/markdown': { schema: { type: 'string' as const } } }

/** `/api/v1/decks`: the decks a caller may see, their cards, and the notes of their own decks. */
export const deckRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'Every deck you may study, with its topics, card counts and owner' }),
    auth(),
    async (c) => {
      const userId = c.var.user.userId
      const decks = await listDecks(c.var.db, userId)
      return c.json(
        decks.map((d) => ({
          slug: d.slug,
          title: d.title,
          description: d.description,
          owner: d.ownerId
            ? { kind: 'user', id: d.ownerId }
            : d.teamId
              ? { kind: 'team', id: d.teamId }
              : { kind: 'shared' },
          cardCount: d.cardCount,
          topics: d.topics.map((t) => ({ slug: t.slug, title: t.title, cardCount: t.cardCount })),
        })),
      )
    },
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Create a deck of your own, or of a team you own (`team`)',
      description:
        'The slug is derived from the name unless given; a slug you give that is taken is a 409. ' +
        'Team members study a team’s deck and checks may draw from it; only team owners change its notes.',
      responses: created('The deck', {
        403: 'Not an owner of the team',
        404: 'No such team of yours',
        409: 'Slug taken',
      }),
    }),
    auth('decks:write'),
    validate('json', createDeckSchema),
    async (c) => c.json(await createOwnDeck(c.var.user, c.req.valid('json')), 201),
  )
  .get(
    '/:slug/cards',
    describeRoute({ tags, summary: "A deck's cards, optionally of one topic", responses: ok('The cards', noDeck) }),
    auth(),
    validate('param', deckParamSchema),
    validate('query', deckCardsQuerySchema),
    async (c) => {
      const { slug } = c.req.valid('param')
      await requireDeck(c.var.user, slug)
      const rows = await listCards(c.var.db, slug, c.req.valid('query').topic)
      return c.json(rows.map(presentCard))
    },
  )
  .get(
    '/:slug/notes',
    describeRoute({ tags, summary: "The notes of a user's or team's deck", responses: ok('Paths', noDeck) }),
    auth(),
    validate('param', deckParamSchema),
    async (c) => {
      const { slug } = c.req.valid('param')
      await requireDeck(c.var.user, slug)
      return c.json((await loadNotes(c.var.db, slug)).map((note) => ({ path: note.path, bytes: note.text.length })))
    },
  )
  .put(
    '/:slug/notes/:path',
    describeRoute({
      tags,
      summary: 'Write a note (raw Markdown): the cards it makes and its warnings',
      description:
        'The path is URL-encoded (`folder%2Fnote.md`). The deck is recompiled with the shipped deck’s ' +
        'compiler: re-uploading or editing a note keeps every card’s id and review history, cards gone ' +
        'from the notes are retired (never deleted). The note is stored with an id marker on each ' +
        'card (as `npm run content:ids` writes them), so a reworded prompt keeps its card. ' +
        '`?from=old.md` renames: the old note is removed in the same write, so its cards move with it.',
      requestBody: { required: true, content: markdown },
      responses: {
        ...ok('The note as stored, its cards and warnings', noDeck, readOnly, badNotes),
        201: { description: 'Created: the note as stored, its cards and warnings' },
      },
    }),
    auth('decks:write'),
    validate('param', noteParamSchema),
    validate('query', putNoteQuerySchema),
    async (c) => {
      const { slug, path } = c.req.valid('param')
      const text = await c.req.text()
      const { from } = c.req.valid('query')
      const { status, body } = await putNote(c.var.user, c.var.deps.deckTools, slug, path, text, from)
      return c.json(body, status)
    },
  )
  .get(
    '/:slug/notes/:path',
    describeRoute({
      tags,
      summary: 'A note as stored (raw Markdown)',
      responses: { 200: { description: 'The note', content: markdown }, ...errors(noDeck) },
    }),
    auth(),
    validate('param', noteParamSchema),
    async (c) => {
      const { slug, path } = c.req.valid('param')
      const note = await getNote(c.var.user, slug, path)
      return c.body(note.text, 200, { 'content-type': 'text/markdown; charset=utf-8' })
    },
  )
  .delete(
    '/:slug/notes/:path',
    describeRoute({
      tags,
      summary: 'Delete a note: its cards are retired, their history kept',
      responses: { 204: { description: 'Deleted' }, ...errors(noDeck, readOnly, badNotes) },
    }),
    auth('decks:write'),
    validate('param', noteParamSchema),
    async (c) => {
      const { slug, path } = c.req.valid('param')
      await deleteNote(c.var.user, c.var.deps.deckTools, slug, path)
      return c.body(null, 204)
    },
  )
  .post(
    '/:slug/import',
    describeRoute({
      tags,
      summary: 'Import files into a deck: Markdown, a zipped folder, Quizlet CSV/TSV, Anki packages',
      description:
        'Multipart, each file in a field named `file`: `.md`; `.zip` of a folder (an Obsidian vault: its `.md` ' +
        'files, folders kept; `<!--SR:…-->` schedule comments become review states); `.csv`/`.tsv` as Quizlet ' +
        'exports them (term, definition, optional tags; the separator is detected); `.apkg`/`.colpkg` from Anki ' +
        '(Basic, Basic and reversed, Cloze and type-in note types; schedules and review history; tags; the deck ' +
        'hierarchy as folders; media are not stored, and those referenced but absent are listed). All or nothing: ' +
        'one bad file changes nothing and answers a problem naming the file and its line or row. Imported HTML ' +
        'becomes text, compiled and sanitised like any note. Re-importing keeps every card’s id and history.',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } },
            },
          },
        },
      },
      responses: ok('What was imported: notes, cards by kind, states and reviews, warnings', noDeck, readOnly, {
        ...badNotes,
        400: 'No file, or the form could not be read',
        413: 'The upload, a file, an archive unpacked or a field is over its limit',
        422: 'A file that cannot be imported (named, with its line or row), or a deck or user limit would be passed',
      }),
    }),
    auth('decks:write'),
    validate('param', deckParamSchema),
    async (c) => {
      const { slug } = c.req.valid('param')
      const files = await readUploadForm(c)
      return c.json(await importFiles(c.var.user, c.var.deps.deckTools, slug, files), 200)
    },
  )
  .get(
    '/:slug/export',
    describeRoute({
      tags,
      summary: 'Export a deck: Anki package with your history, CSV/TSV, or its Markdown notes',
      description:
        '`apkg` (default): an Anki package (schema 11, `collection.anki2`) with one Basic note per card (type-in ' +
        'cards as Basic (type in the answer)), topics as sub-decks, tags, your schedule and review history; ' +
        'importing it here again keeps every card’s id. `csv`/`tsv`: prompt, answer, tags, no header (as Quizlet ' +
        'imports). `md`: a zip of the notes of a user’s or team’s deck, id markers in place.',
      responses: {
        200: {
          description: 'The file',
          content: {
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'application/zip': { schema: { type: 'string', format: 'binary' } },
            'text/csv': { schema: { type: 'string' } },
            'text/tab-separated-values': { schema: { type: 'string' } },
          },
        },
        ...errors(noDeck, {
          422: '`md` of a deck without stored notes (a shipped deck)',
          501: 'Not on this server: exports are written on the Node server only',
        }),
      },
    }),
    auth(),
    validate('param', deckParamSchema),
    validate('query', exportQuerySchema),
    async (c) => {
      const { slug } = c.req.valid('param')
      const file = await exportDeck(c.var.user, c.var.deps.deckTools, slug, c.req.valid('query').format)
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.type,
        'content-disposition': `attachment; filename="${file.name}"`,
      })
    },
  )
