import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ValidationTargets } from 'hono'
import { validator } from 'hono-openapi'
import * as v from 'valibot'
import { AppError } from './errors'

/** Dotted path of an issue (`email`, `answers.0.choice`), or the target itself. */
function fieldOf(path: StandardSchemaV1.Issue['path'], target: string): string {
  if (!path?.length) return target
  return path.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.')
}

function validationError(issues: readonly StandardSchemaV1.Issue[], target: string): AppError {
  const first = issues[0]
  const field = first ? fieldOf(first.path, target) : target
  return new AppError(400, 'validation_failed', first ? `${field}: ${first.message}` : `invalid ${target}`, {
    field,
    extra: { errors: issues.slice(0, 10).map((i) => ({ field: fieldOf(i.path, target), message: i.message })) },
  })
}

/**
 * The one validator wrapper. Valibot schemas validate the request, and through hono-openapi the
 * same schemas describe it in the OpenAPI document. A failed check throws a 400 `AppError`
 * naming the field, which `app.onError` renders as problem+json.
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(target: T, schema: S) {
  return validator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error, target)
  })
}

/** Parses a value with a schema, throwing the same 400 `AppError` as `validate` on failure. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, target = 'body'): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  throw validationError(
    result.issues.map((issue) => ({
      message: issue.message,
      path: issue.path?.map((p) => ({ key: p.key as PropertyKey })),
    })),
    target,
  )
}
