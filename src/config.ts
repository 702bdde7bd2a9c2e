import * as v from 'valibot'

const databaseUrl = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, https:, http:, wss: or ws:'),
)

/**
 * Settings both entries read (`createDeps`): on Node from `process.env`, on Workers from the
 * bindings, where a `[vars]` number arrives as a number rather than a string.
 */
const requestsPerMinute = (fallback: string) =>
  v.optional(
    v.pipe(
      v.union([v.string(), v.number()], 'must be a whole number of requests'),
      v.transform(String),
      v.regex(/^\d{1,7}$/, 'must be a whole number of requests'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
    ),
    fallback,
  )

/** The shipped deck (`content/docker/`): what a request that names no deck studies, unless `DEFAULT_DECK` says otherwise. */
export const shippedDeck = 'docker'

export const sharedEnvEntries = {
  PUBLIC_ORIGIN: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  /** Requests a minute per client address (pages and API) and per API user. */
  RATE_LIMIT_PER_MINUTE: requestsPerMinute('600'),
  /** Sign-in, sign-up and password-reset posts a minute per client address. */
  SIGN_IN_RATE_LIMIT_PER_MINUTE: requestsPerMinute('30'),
  /** The key session cookies and review snapshots are signed with (`security/signing.ts`). */
  SIGNING_KEY: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  /** The deck studied, quizzed and examined when a request or form names none. */
  DEFAULT_DECK: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a deck slug like "docker"')),
    shippedDeck,
  ),
}
export const sharedEnvSchema = v.object(sharedEnvEntries)
export type SharedEnv = v.InferOutput<typeof sharedEnvSchema>

/** Environment of the Node server (`npm start`). */
export const nodeEnvSchema = v.object({
  DATABASE_URL: v.optional(databaseUrl, 'file:data/dockdeck.db'),
  DATABASE_AUTH_TOKEN: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  DATABASE_SYNC_URL: v.optional(v.pipe(v.string(), v.regex(/^(libsql:|https?:|wss?:)/, 'must be a Turso URL'))),
  HOST: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty')), '127.0.0.1'),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,5}$/, 'must be a port number'),
      v.transform(Number),
      v.minValue(0, 'must be a port number'),
      v.maxValue(65535, 'must be a port number'),
    ),
    '8787',
  ),
  CONTENT_DIR: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty')), 'content'),
  ...sharedEnvEntries,
  /** An ISO instant the server's clock starts at (browser tests study at a chosen hour). */
  CLOCK_START: v.optional(
    v.pipe(
      v.string(),
      v.isoTimestamp('must be an ISO time like 2026-03-10T03:30:00Z'),
      v.transform((value) => Date.parse(value)),
    ),
  ),
})
export type NodeEnv = v.InferOutput<typeof nodeEnvSchema>

/**
 * Where the Turso build may send its queries: `libsql://` (sent as `https://`) or `https://`;
 * plain `http://` only to this machine (a local `tursodb --sync-server`, which speaks no TLS),
 * never across a network where the auth token and the data would travel in clear.
 */
export function isWorkerDatabaseUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  if (url.protocol === 'libsql:' || url.protocol === 'https:') return url.hostname !== ''
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

/** Bindings of the Worker: Turso's URL and token, set with `wrangler secret put`. */
export const workerEnvSchema = v.object({
  DATABASE_URL: v.pipe(
    v.string('is not set: run `wrangler secret put DATABASE_URL`'),
    v.trim(),
    v.check(
      isWorkerDatabaseUrl,
      'must be a Turso URL (libsql:// or https://), or http:// to 127.0.0.1 or localhost (a local tursodb)',
    ),
  ),
  DATABASE_AUTH_TOKEN: v.optional(v.string()),
  ...sharedEnvEntries,
})

/** Parses an environment, or throws one message naming every bad variable. */
export function parseEnv<S extends v.GenericSchema>(schema: S, env: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, env)
  if (result.success) return result.output
  const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? 'environment'} ${issue.message}`)
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}
