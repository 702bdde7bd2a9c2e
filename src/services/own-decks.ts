import type { BatchItem } from 'drizzle-orm/batch'
import { requireTools } from './require-tools'

export { requireTools }

import type { DeckTools } from '../content/deck-tools'
import type { NoteText } from '../content/own-deck'
import { fileSlug } from '../content/slug'
import type { Diagnostic } from '../content/types'
import { type DeckRole, type DeckRow, deckOwner, findDeckAccess } from '../db/queries/deck-access'
import { findNote, insertDeck, loadNotes, noteWrites, ownedTotals } from '../db/queries/deck-notes'
import { deckSyncWrites, type SyncResult } from '../db/queries/deck-sync'
import { AppError } from '../errors'
import type { UserContext } from './context'
import { deckLimits } from './deck-limits'
import { requireOwner } from './teams'

/** The signed-in caller, as every service takes it. */
export type DeckContext = UserContext

export interface NewDeck {
  name: string
  slug?: string | undefined
  team?: string | undefined
  description?: string | undefined
}

export function presentDeck(deck: DeckRow, role: DeckRole) {
  return {
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    owner: deckOwner(deck),
    role,
  }
}

/** The deck and the caller's role, or 404 when they may not see it. */
export async function requireDeck(ctx: DeckContext, slug: string, need: DeckRole = 'read') {
  const access = await findDeckAccess(ctx.db, ctx.userId, slug)
  if (!access) throw new AppError(404, 'not_found', `slug: no deck "${slug}"`, { field: 'slug' })
  if (need === 'write' && access.role !== 'write') {
    const why = access.deck.teamId
      ? 'only an owner of the team may change its decks'
      : 'the shipped decks are read-only'
    throw new AppError(403, 'forbidden', `slug: ${why}`, { field: 'slug' })
  }
  return access
}

/** Creates a user's deck, or a team's when `team` names a team the caller owns. */
export async function createOwnDeck(ctx: DeckContext, input: NewDeck) {
  if (input.team) await requireOwner(ctx, input.team)
  else if ((await ownedTotals(ctx.db, ctx.userId)).decks >= deckLimits.decksPerUser)
    throw new AppError(422, 'limit_exceeded', `you already own ${deckLimits.decksPerUser} decks, the most allowed`)
  const base = input.slug ?? fileSlug(input.name)
  const row = {
    title: input.name,
    description: input.description ?? '',
    ownerId: input.team ? null : ctx.userId,
    teamId: input.team ?? null,
    blueprint: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  // A slug the caller chose is theirs or a 409; a derived one takes the first free suffix.
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const slug = attempt === 1 ? base : `${base.slice(0, 60)}-${attempt}`
    if (await insertDeck(ctx.db, { ...row, slug })) return presentDeck({ ...row, slug }, 'write')
    if (input.slug) throw new AppError(409, 'conflict', `slug: "${slug}" is taken: choose another`, { field: 'slug' })
  }
  throw new AppError(409, 'conflict', `slug: every slug like "${base}" is taken: choose one`, { field: 'slug' })
}

export interface NotesChange {
  /** Notes written (added or replaced), by path. */
  put: readonly NoteText[]
  /** Paths removed. */
  remove?: readonly string[]
}

export interface NotesApplied {
  sync: SyncResult
  cards: ReturnType<DeckTools['compile']>['deck']['cards']
  notes: NoteText[]
  warnings: Diagnostic[]
}

const place = (d: Diagnostic) => ({ file: d.file, line: d.line, code: d.code, message: d.message })

/** The deck recompiled whole with the change applied, after the note and deck size limits. */
async function compileChange(ctx: DeckContext, tools: DeckTools, deck: DeckRow, change: NotesChange) {
  for (const note of change.put) {
    const bytes = new TextEncoder().encode(note.text).length
    if (bytes > deckLimits.noteBytes)
      throw new AppError(
        413,
        'payload_too_large',
        `${note.path}: the note has ${bytes} bytes, over ${deckLimits.noteBytes}`,
        {
          extra: { file: note.path },
        },
      )
  }
  const before = await loadNotes(ctx.db, deck.slug)
  const byPath = new Map(before.map((note) => [note.path, note.text]))
  for (const path of change.remove ?? []) byPath.delete(path)
  for (const note of change.put) byPath.set(note.path, note.text)
  if (byPath.size > deckLimits.notesPerDeck)
    throw new AppError(
      422,
      'limit_exceeded',
      `the deck would hold ${byPath.size} notes, over ${deckLimits.notesPerDeck}`,
    )
  const compiled = tools.compile({
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    notes: [...byPath].map(([path, text]) => ({ path, text })),
  })
  return { before, compiled }
}

/**
 * Changes a deck's notes and its cards together, in one batch: the deck is recompiled whole
 * (ids are deck-wide), cards are added, updated in place, retired or revived by `syncDeck`'s
 * rules, so history survives every edit. Errors in the notes change nothing and answer 422
 * naming each file and line. `extra` adds the caller's statements (imported history) to the batch.
 */
export async function applyNotes(
  ctx: DeckContext,
  tools: DeckTools,
  deck: DeckRow,
  change: NotesChange,
  extra?: (applied: Omit<NotesApplied, 'sync'>) => BatchItem<'sqlite'>[],
): Promise<NotesApplied> {
  const { before, compiled } = await compileChange(ctx, tools, deck, change)
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0)
    throw new AppError(422, 'invalid_notes', `${errors[0]!.file}:${errors[0]!.line}: ${errors[0]!.message}`, {
      extra: { errors: errors.slice(0, 100).map(place), file: errors[0]!.file, line: errors[0]!.line },
    })
  const cardCount = compiled.deck.cards.length
  if (cardCount > deckLimits.cardsPerDeck)
    throw new AppError(422, 'limit_exceeded', `the deck would hold ${cardCount} cards, over ${deckLimits.cardsPerDeck}`)
  if (deck.ownerId) {
    const others = (await ownedTotals(ctx.db, deck.ownerId, deck.slug)).cards
    if (others + cardCount > deckLimits.cardsPerUser)
      throw new AppError(
        422,
        'limit_exceeded',
        `your decks would hold ${others + cardCount} cards, over ${deckLimits.cardsPerUser}`,
      )
  }
  const { result, statements } = await deckSyncWrites(ctx.db, compiled.deck, ctx.now, { ownDeck: true })
  const applied = {
    cards: compiled.deck.cards,
    notes: compiled.notes,
    warnings: compiled.diagnostics.filter((d) => d.severity === 'warning'),
  }
  const all = [
    ...noteWrites(ctx.db, deck.slug, before, compiled.notes, ctx.now),
    ...statements,
    ...(extra?.(applied) ?? []),
  ]
  if (all.length > 0) await ctx.db.batch(all as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return { ...applied, sync: result }
}

/** The cards a note makes, in note order. */
function noteCards(cards: NotesApplied['cards'], path: string) {
  return cards
    .filter((card) => card.source.file === path)
    .map((card) => ({
      id: card.id,
      kind: card.kind,
      topic: card.topic,
      prompt: card.prompt,
      answer: card.answer,
      promptHtml: card.promptHtml,
      answerHtml: card.answerHtml,
      line: card.source.line,
    }))
}

/** What a note's upload answers: the note as stored, the cards it makes and its warnings. */
export function presentNote(applied: NotesApplied, path: string) {
  return {
    path,
    text: applied.notes.find((note) => note.path === path)?.text ?? '',
    cards: noteCards(applied.cards, path),
    warnings: applied.warnings.filter((d) => d.file === path).map(place),
    sync: applied.sync,
  }
}

/** Writes a note; with `from`, the note at that path is removed in the same batch (a rename). */
export async function putNote(
  ctx: DeckContext,
  tools: DeckTools | undefined,
  slug: string,
  path: string,
  text: string,
  from?: string,
) {
  const { deck } = await requireDeck(ctx, slug, 'write')
  const existed = (await findNote(ctx.db, slug, path)) !== undefined
  if (from !== undefined && from !== path && !(await findNote(ctx.db, slug, from)))
    throw new AppError(404, 'not_found', `from: no note "${from}" in ${slug}`, { field: 'from' })
  const remove = from !== undefined && from !== path ? [from] : []
  const applied = await applyNotes(ctx, requireTools(tools), deck, { put: [{ path, text }], remove })
  return { status: existed ? (200 as const) : (201 as const), body: presentNote(applied, path) }
}

/** A note as stored; team members may read their team's notes, only owners change them. */
export async function getNote(ctx: DeckContext, slug: string, path: string): Promise<NoteText> {
  await requireDeck(ctx, slug)
  const note = await findNote(ctx.db, slug, path)
  if (!note) throw new AppError(404, 'not_found', `path: no note "${path}" in ${slug}`, { field: 'path' })
  return note
}

export async function deleteNote(ctx: DeckContext, tools: DeckTools | undefined, slug: string, path: string) {
  const { deck } = await requireDeck(ctx, slug, 'write')
  if (!(await findNote(ctx.db, slug, path)))
    throw new AppError(404, 'not_found', `path: no note "${path}" in ${slug}`, { field: 'path' })
  const applied = await applyNotes(ctx, requireTools(tools), deck, { put: [], remove: [path] })
  return applied.sync
}

/**
 * What writing a note would make, without writing it: the cards it makes, its warnings, and the
 * errors (of any note: ids are deck-wide) that would refuse the write. The note editor's preview.
 */
export async function previewNote(
  ctx: DeckContext,
  tools: DeckTools | undefined,
  slug: string,
  path: string,
  text: string,
  from?: string,
) {
  const { deck } = await requireDeck(ctx, slug, 'write')
  const remove = from !== undefined && from !== path ? [from] : []
  const { compiled } = await compileChange(ctx, requireTools(tools), deck, { put: [{ path, text }], remove })
  return {
    path,
    cards: noteCards(compiled.deck.cards, path),
    warnings: compiled.diagnostics.filter((d) => d.severity === 'warning' && d.file === path).map(place),
    errors: compiled.diagnostics
      .filter((d) => d.severity === 'error')
      .slice(0, 100)
      .map(place),
  }
}
