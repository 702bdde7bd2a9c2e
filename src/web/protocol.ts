import { SchedulingError, type SchedulingErrorCode } from '../domain/scheduling/errors'
import { AppError, type AppErrorOptions, type ErrorCode } from '../errors'

/**
 * How the pages' Worker calls `#data` in the data Worker (Workers RPC, structured clone): the
 * function's name and its arguments, with the two things that cannot cross sent by name
 * instead: the database handle (the data Worker uses its own) and the app's deps or one of
 * them (the data Worker uses its own: its scrypt, mailer, clock). The answer is the value, or
 * the error the pages handle, rebuilt on this side.
 */
export interface DataBinding {
  call(name: string, args: unknown[]): Promise<DataAnswer>
  fetch(request: Request): Promise<Response>
}

export type DataAnswer = { value: unknown } | { error: SentError }

type SentError =
  | { kind: 'app'; status: number; code: ErrorCode; message: string; options: AppErrorOptions }
  | { kind: 'scheduling'; code: SchedulingErrorCode; message: string }

/**
 * The key of a value sent by name: `{ [refKey]: 'db' }` or `{ [refKey]: 'deps', key }`. No request
 * field can be named this: valibot objects drop unknown keys.
 */
const refKey = '\u0000ref'

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Arguments as they cross: `db` and the deps (or one of them, found by identity) by name. */
export function sendArgs(args: unknown[], db: unknown, deps: object): unknown[] {
  const depKeys = new Map<unknown, string>([[deps, '']])
  for (const [key, value] of Object.entries(deps))
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') depKeys.set(value, key)
  const send = (value: unknown, depth: number): unknown => {
    if (value === db) return { [refKey]: 'db' }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value
    const key = depKeys.get(value)
    if (key !== undefined) return { [refKey]: 'deps', key }
    if (typeof value === 'function') throw new TypeError('#data: a function cannot be sent to the data Worker')
    if (depth > 6) return value
    if (Array.isArray(value)) return value.map((item) => send(item, depth + 1))
    if (!isPlain(value)) return value
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, send(v, depth + 1)]))
  }
  return args.map((arg) => send(arg, 0))
}

/** Arguments as received: names replaced by this Worker's database and deps. */
export function receiveArgs(args: unknown[], db: unknown, deps: Record<string, unknown>): unknown[] {
  const receive = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map(receive)
    if (!isPlain(value)) return value
    const ref = (value as Record<string, unknown>)[refKey]
    if (ref === 'db') return db
    if (ref === 'deps') {
      const key = (value as { key: string }).key
      return key === '' ? deps : deps[key]
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, receive(v)]))
  }
  return args.map(receive)
}

/** The errors pages catch or render, as data; anything else stays an error (a 500 on the pages' side). */
export function sendError(error: unknown): DataAnswer {
  if (error instanceof AppError)
    return {
      error: { kind: 'app', status: error.status, code: error.code, message: error.message, options: error.options },
    }
  if (error instanceof SchedulingError)
    return { error: { kind: 'scheduling', code: error.code, message: error.message } }
  throw error
}

/** The value of an answer, or its error thrown again as the class the pages check for. */
export function receiveAnswer(answer: DataAnswer): unknown {
  if ('value' in answer) return answer.value
  const sent = answer.error
  if (sent.kind === 'scheduling') throw new SchedulingError(sent.code, sent.message)
  throw new AppError(sent.status as AppError['status'], sent.code, sent.message, sent.options)
}
