import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Machine-readable error codes; the `type` URI of a problem document ends with the code. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'missing_scope'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'email_taken'
  | 'stale_state'
  | 'answered_later_elsewhere'
  | 'idempotency_mismatch'
  | 'deadline_passed'
  | 'check_closed'
  | 'gone'
  | 'invalid_notes'
  | 'limit_exceeded'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'not_enough_history'
  | 'not_implemented'
  | 'service_unavailable'
  | 'internal_error'

export interface AppErrorOptions {
  /** The request field at fault (`email`, `body.rating`), named in the problem document. */
  field?: string
  /** Extra members for the problem document (RFC 9457 extension members). */
  extra?: Record<string, unknown>
  headers?: Record<string, string>
}

/** The one error type of the app: `app.onError` turns it into problem+json or an HTML page. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

const titles: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
}

export interface ProblemDocument {
  type: string
  title: string
  status: number
  detail: string
  code: ErrorCode
  instance?: string
  field?: string
  [extension: string]: unknown
}

/** Builds an RFC 9457 problem document. @see https://www.rfc-editor.org/rfc/rfc9457 */
export function toProblem(error: AppError, instance?: string): ProblemDocument {
  return {
    type: `https://dockdeck.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: titles[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.options.field ? { field: error.options.field } : {}),
    ...error.options.extra,
  }
}

export function problemResponse(c: Context, error: AppError): Response {
  const body = JSON.stringify(toProblem(error, new URL(c.req.url).pathname))
  const headers = new Headers(c.res?.headers)
  headers.set('content-type', 'application/problem+json')
  for (const [name, value] of Object.entries(error.options.headers ?? {})) headers.set(name, value)
  return new Response(body, { status: error.status, headers })
}
