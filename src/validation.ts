import { vValidator } from '@hono/valibot-validator'
import type { ValidationTargets } from 'hono'
import * as v from 'valibot'
import { AppError } from './errors'

/** Dotted path of the first issue (`email`, `answers.0.choice`), or the target itself. */
function fieldOf(issue: v.BaseIssue<unknown>, target: string): string {
  const path = v.getDotPath(issue)
  return path ?? target
}

/**
 * The one validator wrapper: a failed check throws a 400 `AppError` naming the field, which
 * `app.onError` renders as problem+json (or a page for forms).
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(target: T, schema: S) {
  return vValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.issues[0]
      const field = issue ? fieldOf(issue, target) : target
      const message = issue ? `${field}: ${issue.message}` : `invalid ${target}`
      throw new AppError(400, 'validation_failed', message, {
        field,
        extra: {
          errors: result.issues.slice(0, 10).map((i) => ({ field: fieldOf(i, target), message: i.message })),
        },
      })
    }
  })
}

/** Parses a value with a schema, throwing the same 400 `AppError` as `validate` on failure. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, target = 'body'): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = fieldOf(issue, target)
  throw new AppError(400, 'validation_failed', `${field}: ${issue.message}`, { field })
}
