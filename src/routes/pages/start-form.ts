import type { Context } from 'hono'
import { listDecks } from '../../db/queries/decks'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'

/** A start form (exam or quiz) that was refused: what was typed, and why. */
export interface RefusedForm<Values> {
  values: Values
  error: AppError
}

/** The decks one may start an exam or quiz in, and the one asked for (else the first). */
export async function startDecks(c: Context<SignedInEnv>, slug: string) {
  const decks = await listDecks(c.var.db, c.var.user.userId)
  const deck = decks.find((d) => d.slug === slug) ?? decks[0]
  if (!deck) throw new AppError(404, 'not_found', 'deck: there is no deck yet: add notes under content/ and sync them')
  return { deck, decks }
}

/** A refused form's error as the page shows it beside the field; the response takes its status. */
export function formError(c: Context<SignedInEnv>, form: RefusedForm<unknown> | undefined) {
  if (!form) return undefined
  c.status(form.error.status)
  return { field: form.error.options.field, message: form.error.message }
}

/**
 * Runs a start form's action. A refusal a person can fix (a 4xx: a field out of range, too few
 * cards) shows the form again with what they typed and the reason, instead of an error page.
 */
export async function startOrShowAgain(
  start: () => Promise<Response>,
  showAgain: (error: AppError) => Promise<Response>,
): Promise<Response> {
  try {
    return await start()
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error
    return showAgain(error)
  }
}
