import { created, errors, ok } from '../responses'
import type { Operations } from './types'

const tags = ['Decks']
const noDeck = { 404: 'No such deck, or not one you may see' }
const readOnly = { 403: 'The deck is shared or your team’s, and you are not its owner' }
const badNotes = {
  413: 'The note is over the size limit',
  422: 'The notes have errors (each named by file and line), or a deck or user limit would be passed',
  501: 'Not on this server: notes are compiled on the Node server only',
}
const markdown = { 'text/markdown': { schema: { type: 'string' as const } } }

export const decksOperations: Operations = {
  'GET /decks': { tags, summary: 'Every deck you may study, with its topics, card counts and owner' },
  'POST /decks': {
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
  },
  'GET /decks/:slug/cards': {
    tags,
    summary: "A deck's cards, optionally of one topic",
    responses: ok('The cards', noDeck),
  },
  'GET /decks/:slug/notes': { tags, summary: "The notes of a user's or team's deck", responses: ok('Paths', noDeck) },
  'PUT /decks/:slug/notes/:path': {
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
  },
  'GET /decks/:slug/notes/:path': {
    tags,
    summary: 'A note as stored (raw Markdown)',
    responses: { 200: { description: 'The note', content: markdown }, ...errors(noDeck) },
  },
  'DELETE /decks/:slug/notes/:path': {
    tags,
    summary: 'Delete a note: its cards are retired, their history kept',
    responses: { 204: { description: 'Deleted' }, ...errors(noDeck, readOnly, badNotes) },
  },
  'POST /decks/:slug/import': {
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
  },
  'GET /decks/:slug/export': {
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
  },
}
