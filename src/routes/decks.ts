import { Hono } from 'hono/tiny'
import { loadNotes } from '../db/queries/deck-notes'
import { listCards, listDecks } from '../db/queries/decks'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { createDeckSchema, exportQuerySchema, noteParamSchema, putNoteQuerySchema } from '../schemas/decks'
import { deckCardsQuerySchema, deckParamSchema } from '../schemas/review'
import { createOwnDeck, getNote, requireDeck, requireTools } from '../services/own-decks'
import { presentCard } from '../services/review'
import { validate } from '../validation'
import { readUploadForm } from './upload-form'

/**
 * `/api/v1/decks`: the decks a caller may see, their cards, and the notes of their own decks.
 * Writing notes, importing and exporting go through `deps.deckTools` (Node only; 501 without).
 */
export const deckRoutes = new Hono<AppEnv>()
  .get('/', auth(), async (c) => {
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
  })
  .post('/', auth('decks:write'), validate('json', createDeckSchema), async (c) =>
    c.json(await createOwnDeck(c.var.user, c.req.valid('json')), 201),
  )
  .get(
    '/:slug/cards',
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
  .get('/:slug/notes', auth(), validate('param', deckParamSchema), async (c) => {
    const { slug } = c.req.valid('param')
    await requireDeck(c.var.user, slug)
    return c.json((await loadNotes(c.var.db, slug)).map((note) => ({ path: note.path, bytes: note.text.length })))
  })
  .put(
    '/:slug/notes/:path',
    auth('decks:write'),
    validate('param', noteParamSchema),
    validate('query', putNoteQuerySchema),
    async (c) => {
      const { slug, path } = c.req.valid('param')
      const text = await c.req.text()
      const { from } = c.req.valid('query')
      const tools = requireTools(c.var.deps.deckTools)
      const { status, body } = await tools.putNote(c.var.user, tools, slug, path, text, from)
      return c.json(body, status)
    },
  )
  .get('/:slug/notes/:path', auth(), validate('param', noteParamSchema), async (c) => {
    const { slug, path } = c.req.valid('param')
    const note = await getNote(c.var.user, slug, path)
    return c.body(note.text, 200, { 'content-type': 'text/markdown; charset=utf-8' })
  })
  .delete('/:slug/notes/:path', auth('decks:write'), validate('param', noteParamSchema), async (c) => {
    const { slug, path } = c.req.valid('param')
    const tools = requireTools(c.var.deps.deckTools)
    await tools.deleteNote(c.var.user, tools, slug, path)
    return c.body(null, 204)
  })
  .post('/:slug/import', auth('decks:write'), validate('param', deckParamSchema), async (c) => {
    const { slug } = c.req.valid('param')
    const tools = requireTools(c.var.deps.deckTools)
    const files = await readUploadForm(c)
    return c.json(await tools.importFiles(c.var.user, tools, slug, files), 200)
  })
  .get('/:slug/export', auth(), validate('param', deckParamSchema), validate('query', exportQuerySchema), async (c) => {
    const { slug } = c.req.valid('param')
    const tools = requireTools(c.var.deps.deckTools)
    const file = await tools.exportDeck(c.var.user, tools, slug, c.req.valid('query').format)
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.name}"`,
    })
  })
