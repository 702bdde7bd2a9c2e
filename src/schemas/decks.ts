import * as v from 'valibot'
import { notePath, notePathRule } from '../content/note-path'

const slugRule = 'must be a slug: lower-case letters, digits and dashes, starting with a letter or digit'

export const createDeckSchema = v.object({
  name: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('is required'),
    v.maxLength(100, 'must be at most 100 characters'),
  ),
  slug: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, slugRule))),
  team: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,64}$/, 'must be a team id'))),
  description: v.optional(v.pipe(v.string('must be a string'), v.maxLength(500, 'must be at most 500 characters'))),
})

export const putNoteQuerySchema = v.object({
  from: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.check((path) => notePath(path) === path, notePathRule),
    ),
  ),
})

export const noteParamSchema = v.object({
  slug: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, slugRule)),
  path: v.pipe(
    v.string('must be a string'),
    v.check((path) => notePath(path) === path, notePathRule),
  ),
})

export const exportQuerySchema = v.object({
  format: v.optional(v.picklist(['apkg', 'csv', 'tsv', 'md'], 'must be apkg, csv, tsv or md'), 'apkg'),
})
