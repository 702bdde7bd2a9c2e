/**
 * The Turso Worker's libSQL client: Hrana over HTTP, version 2 (`POST {url}/v2/pipeline`, JSON;
 * tursodatabase/libsql docs/HTTP_V2_SPEC.md), shaped as the part of @libsql/client's `Client` that
 * drizzle's libSQL session uses (`execute`, `batch`). It replaces `@libsql/client/http`, whose
 * Hrana client (protobuf encoders, cursors, version negotiation, js-base64) was 14.8 KiB gzip of
 * the Worker's 100 KB budget, and which never completes a statement on `tursodb --sync-server`
 * because it ends every pipeline with a `close` request that server rejects (docs/deploy.md).
 *
 * Each call is one stateless HTTP request. No `close` is sent: the request carries no baton, and
 * the spec says "If the client sets `baton` to `null`, the server should create a new stream" and
 * "The server will close streams after a short period of inactivity, to make sure that abandoned
 * streams don't accumulate on the server". tursodb answers with a null baton ("it means that the
 * server has closed the stream"); a server that answers with one keeps an idle stream until its
 * timeout, holding no transaction (every batch ends in COMMIT or ROLLBACK).
 *
 * Values as @libsql/client sends and reads them (intMode 'number'), so the SQL behaves the same
 * on both clients: every JS number is a `float` (hence the app's `cast(? as integer)` binds), a
 * bigint or boolean an `integer`, a Date its milliseconds, bytes a base64 `blob`; integers come
 * back as JS numbers, and one beyond 2^53 is a RangeError rather than a silently wrong number.
 *
 * `rowsAffected` is read from SQLite itself in the same request (`changes()` and the
 * `total_changes()` delta around each statement), not from the server's `affected_row_count`:
 * tursodb 0.6.0 reports 0 (and a null `last_insert_rowid`) for every statement, and the app's
 * guarded writes (sign-up, token limits, answers, exams) decide on `rowsAffected === 1`. A
 * statement that changed no row reports 0, as libSQL does for reads.
 */

export type InValue = null | string | number | bigint | boolean | Date | ArrayBuffer | Uint8Array
export type InArgs = InValue[] | Record<string, InValue>
export type InStatement = string | { sql: string; args?: InArgs }
export type TransactionMode = 'write' | 'read' | 'deferred'
export type Value = null | string | number | ArrayBuffer

/** A libSQL row: values at non-enumerable positions (with a `length`), and by column name. */
export interface Row {
  length: number
  [index: number]: Value
  [name: string]: Value
}

export interface ResultSet {
  columns: string[]
  columnTypes: string[]
  rows: Row[]
  rowsAffected: number
  lastInsertRowid: bigint | undefined
  toJSON(): unknown
}

export interface HranaClientConfig {
  /** `libsql://` (sent as `https://`, as @libsql/client does), `https://` or `http://`. */
  url: string
  authToken?: string
  fetch?: typeof fetch
}

export interface HranaClient {
  readonly protocol: 'http'
  readonly closed: boolean
  execute(stmt: InStatement, args?: InArgs): Promise<ResultSet>
  batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]>
  transaction(): never
  executeMultiple(): never
  migrate(): never
  sync(): never
  close(): void
}

/** An error the server answered with (its message and code), or an HTTP failure (`status`). */
export class HranaError extends Error {
  override name = 'HranaError'
  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
  ) {
    super(`${code}: ${message}`)
  }
}

// --- the wire (Hrana 2 JSON) ---

type WireValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }
interface WireStmt {
  sql: string
  args?: WireValue[]
  named_args?: { name: string; value: WireValue }[]
  want_rows: boolean
}
type WireCond = { type: 'ok'; step: number } | { type: 'not'; cond: WireCond }
interface WireResult {
  cols: { name: string | null; decltype: string | null }[]
  rows: WireValue[][]
  last_insert_rowid?: string | null
}
interface WireError {
  message: string
  code?: string | null
}
type WireRequest = { type: 'execute'; stmt: WireStmt } | { type: 'batch'; batch: { steps: WireStep[] } }
interface WireStep {
  condition?: WireCond
  stmt: WireStmt
}
type WireOutcome =
  | { type: 'ok'; response: { type: 'execute'; result: WireResult } }
  | {
      type: 'ok'
      response: { type: 'batch'; result: { step_results: (WireResult | null)[]; step_errors: (WireError | null)[] } }
    }
  | { type: 'error'; error: WireError }

const maxInteger = 9223372036854775807n

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

function encodeValue(value: InValue): WireValue {
  if (value === null) return { type: 'null' }
  if (typeof value === 'string') return { type: 'text', value }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
    return { type: 'float', value }
  }
  if (typeof value === 'bigint') {
    if (value < -maxInteger - 1n || value > maxInteger)
      throw new RangeError('This bigint value is too large to be represented as a 64-bit integer')
    return { type: 'integer', value: String(value) }
  }
  if (typeof value === 'boolean') return { type: 'integer', value: value ? '1' : '0' }
  if (value instanceof Date) return { type: 'float', value: value.valueOf() }
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: toBase64(new Uint8Array(value)) }
  if (value instanceof Uint8Array) return { type: 'blob', base64: toBase64(value) }
  if (typeof value === 'object') return { type: 'text', value: String(value) }
  throw new TypeError(`Unsupported type of value: ${typeof value}`)
}

function decodeValue(value: WireValue): Value {
  switch (value.type) {
    case 'null':
      return null
    case 'integer': {
      const n = Number(value.value)
      if (!Number.isSafeInteger(n))
        throw new RangeError('Received integer which is too large to be safely represented as a JavaScript number')
      return n
    }
    case 'float':
    case 'text':
      return value.value
    case 'blob': {
      const text = atob(value.base64)
      const bytes = new Uint8Array(text.length)
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
      return bytes.buffer
    }
  }
  throw new HranaError(
    `unexpected value type ${JSON.stringify((value as { type: unknown }).type)}`,
    'HRANA_PROTO_ERROR',
  )
}

function encodeStmt(stmt: InStatement, args?: InArgs): WireStmt {
  const { sql, args: bound = args } = typeof stmt === 'string' ? { sql: stmt } : stmt
  if (bound === undefined) return { sql, want_rows: true }
  if (Array.isArray(bound)) return { sql, args: bound.map(encodeValue), want_rows: true }
  const named = Object.entries(bound).map(([name, value]) => ({ name, value: encodeValue(value) }))
  return { sql, named_args: named, want_rows: true }
}

function decodeRow(columns: string[], values: WireValue[]): Row {
  const row = {} as Row
  Object.defineProperty(row, 'length', { value: values.length })
  for (let i = 0; i < values.length; i++) {
    const value = decodeValue(values[i] as WireValue)
    Object.defineProperty(row, i, { value })
    const name = columns[i]
    if (name !== undefined && !Object.hasOwn(row, name))
      Object.defineProperty(row, name, { value, enumerable: true, configurable: true, writable: true })
  }
  return row
}

/** JSON of a row, as @libsql/client's `toJSON` gives it: positions, bytes as base64. */
const rowJson = (row: Row) =>
  Array.from({ length: row.length }, (_, i) => {
    const value = row[i] as Value
    return value instanceof ArrayBuffer ? toBase64(new Uint8Array(value)) : value
  })

// --- counting changes ---

/**
 * Read before the first statement and after each one: what the last write changed directly,
 * how many rows this connection has changed in all, and the last rowid inserted.
 */
const counts: WireStmt = { sql: 'select changes(), total_changes(), last_insert_rowid()', want_rows: true }

const integerAt = (result: WireResult | null | undefined, column: number) => {
  const value = result?.rows[0]?.[column]
  return value?.type === 'integer' ? BigInt(value.value) : undefined
}

function resultSet(result: WireResult, before: WireResult | null | undefined, after: WireResult | null | undefined) {
  const columns = result.cols.map((col) => col.name ?? '')
  const columnTypes = result.cols.map((col) => col.decltype ?? '')
  const rows = result.rows.map((values) => decodeRow(columns, values))
  // `changes()` keeps the last write's count through reads, so it counts only when the
  // connection's total moved during this statement.
  const moved = integerAt(after, 1) !== integerAt(before, 1)
  const rowsAffected = moved ? Number(integerAt(after, 0) ?? 0n) : 0
  const lastInsertRowid =
    result.last_insert_rowid != null ? BigInt(result.last_insert_rowid) : moved ? integerAt(after, 2) : undefined
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map(rowJson),
      rowsAffected,
      lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid),
    }),
  } satisfies ResultSet
}

const serverError = (error: WireError) => new HranaError(error.message, error.code ?? 'UNKNOWN')

const beginFor: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/** The pipeline endpoint for a database URL: `libsql:` is HTTPS, as in @libsql/client. */
export function pipelineUrl(url: string): URL {
  const base = new URL(url)
  if (!['libsql:', 'https:', 'http:'].includes(base.protocol))
    throw new HranaError(
      `the database URL must be libsql:, https: or http:, got ${base.protocol}`,
      'URL_SCHEME_NOT_SUPPORTED',
    )
  if (base.search || base.hash)
    throw new HranaError('the database URL takes no query or fragment (pass authToken on its own)', 'URL_INVALID')
  const http = base.protocol === 'libsql:' ? `https:${url.trim().slice('libsql:'.length)}` : url
  // Resolved as @libsql/hrana-client resolves it: relative to the database URL.
  return new URL('v2/pipeline', http)
}

/** A client for a libSQL server's Hrana-over-HTTP endpoint (see the top of this file). */
export function createHranaClient(config: HranaClientConfig): HranaClient {
  const endpoint = pipelineUrl(config.url)
  const send = config.fetch ?? ((input, init) => fetch(input, init))
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (config.authToken) headers.authorization = `Bearer ${config.authToken}`
  let closed = false

  async function pipeline(requests: WireRequest[]): Promise<WireOutcome[]> {
    if (closed) throw new HranaError('the client is closed', 'CLIENT_CLOSED')
    const response = await send(endpoint, { method: 'POST', headers, body: JSON.stringify({ baton: null, requests }) })
    if (!response.ok) {
      const text = (await response.text()).trim()
      const message = `Server returned HTTP status ${response.status}${text ? `: ${text}` : ''}`
      throw new HranaError(message, 'SERVER_ERROR', response.status)
    }
    const body = (await response.json()) as { results?: WireOutcome[] }
    if (!Array.isArray(body.results) || body.results.length !== requests.length)
      throw new HranaError('the server returned an unexpected number of pipeline results', 'HRANA_PROTO_ERROR')
    return body.results
  }

  const unsupported = (name: string) => (): never => {
    throw new Error(
      `${name} is not supported by dockdeck's Hrana HTTP client (src/db/hrana-http.ts): use execute or batch`,
    )
  }

  return {
    protocol: 'http',
    get closed() {
      return closed
    },

    async execute(stmt, args) {
      const [before, outcome, after] = await pipeline([
        { type: 'execute', stmt: counts },
        { type: 'execute', stmt: encodeStmt(stmt, args) },
        { type: 'execute', stmt: counts },
      ])
      if (outcome?.type === 'error') throw serverError(outcome.error)
      const result = (o: WireOutcome | undefined) =>
        o?.type === 'ok' && o.response.type === 'execute' ? o.response.result : undefined
      const own = result(outcome)
      if (!own) throw new HranaError('the server answered an execute with another response', 'HRANA_PROTO_ERROR')
      return resultSet(own, result(before), result(after))
    },

    /**
     * One transaction, as @libsql/client's `executeHranaBatch`: BEGIN, each statement only if the
     * one before it succeeded, COMMIT only if the last did, and ROLLBACK unless COMMIT succeeded.
     */
    async batch(stmts, mode = 'deferred') {
      const begin = beginFor[mode]
      if (!begin) throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"')
      const steps: WireStep[] = [{ stmt: { sql: begin, want_rows: false } }]
      const ok = (step: number): WireCond => ({ type: 'ok', step })
      steps.push({ condition: ok(0), stmt: counts })
      let last = 0
      const at = stmts.map((stmt) => {
        steps.push({ condition: ok(last), stmt: encodeStmt(stmt) })
        last = steps.length - 1
        steps.push({ condition: ok(last), stmt: counts })
        return last
      })
      steps.push({ condition: ok(last), stmt: { sql: 'COMMIT', want_rows: false } })
      const commit = steps.length - 1
      steps.push({ condition: { type: 'not', cond: ok(commit) }, stmt: { sql: 'ROLLBACK', want_rows: false } })

      const [outcome] = await pipeline([{ type: 'batch', batch: { steps } }])
      if (outcome?.type === 'error') throw serverError(outcome.error)
      if (outcome?.type !== 'ok' || outcome.response.type !== 'batch')
        throw new HranaError('the server answered a batch with another response', 'HRANA_PROTO_ERROR')
      const { step_results: results, step_errors: errors } = outcome.response.result
      const failed = (step: number) => errors[step]
      const beginError = failed(0)
      if (beginError) throw serverError(beginError)
      const sets = at.map((step, i) => {
        const error = failed(step)
        if (error) throw serverError(error)
        const result = results[step]
        if (!result)
          throw new HranaError(
            `statement ${i} in a batch was not executed, probably because the transaction has been rolled back`,
            'TRANSACTION_CLOSED',
          )
        return resultSet(result, results[step - 1], results[step + 1])
      })
      const commitError = failed(commit)
      if (commitError) throw serverError(commitError)
      return sets
    },

    transaction: unsupported('transaction()'),
    executeMultiple: unsupported('executeMultiple()'),
    migrate: unsupported('migrate()'),
    sync: unsupported('sync()'),
    close() {
      closed = true
    },
  }
}
