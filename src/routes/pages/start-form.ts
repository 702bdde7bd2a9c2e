import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { listDecks } from '#data'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'
import { type FormBody, formDeck } from '../../schemas/exam-forms'
import { readinessQuerySchema } from '../../schemas/exams'
import type { UserContext } from '../../services/context'
import { validate } from '../../validation'

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

export interface StartForm<Values> {
  /** The start page of a deck, with the form refused (typed values and reason) when there is one. */
  page: (c: Context<SignedInEnv>, deck: string, form?: RefusedForm<Values>) => Promise<Response>
  /** Starts the attempt from the form and gives the page to go to. */
  start: (ctx: UserContext, body: FormBody, defaultDeck: string) => Promise<string>
  /** What was typed, to show again; undefined where there is no form to show (a result's replay button). */
  typed: (body: FormBody) => Values | undefined
}

/**
 * A start page and its form, at `path` (`/exams`, `/quiz`): GET shows the page for the deck
 * asked for (else the default deck); POST starts and goes to the attempt. A refusal a person can
 * fix (a 4xx: a field out of range, too few cards) shows the form again with what they typed and
 * the reason, instead of an error page. Mounted behind `signedIn`.
 */
export function startFormRoutes<Values>(path: string, form: StartForm<Values>) {
  return new Hono<SignedInEnv>()
    .get(path, validate('query', readinessQuerySchema), (c) =>
      form.page(c, c.req.valid('query').deck ?? c.var.deps.defaultDeck),
    )
    .post(path, async (c) => {
      const body = (await c.req.parseBody({ all: true })) as FormBody
      try {
        return c.redirect(await form.start(c.var.user, body, c.var.deps.defaultDeck), 303)
      } catch (error) {
        const values = error instanceof AppError && error.status < 500 ? form.typed(body) : undefined
        if (!values) throw error
        return form.page(c, formDeck(body, c.var.deps.defaultDeck), { values, error: error as AppError })
      }
    })
}
