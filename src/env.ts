import type { AnyD1Database as D1Database } from 'drizzle-orm/d1'
import type { Hono, MiddlewareHandler } from 'hono'
import type { DeckTools } from './content/deck-tools'
import type { Db } from './db/index'
import type { Scrypt, ScryptParams } from './security/password'
import type { RateLimitBinding, RateLimiterFactory, RateLimitPolicies } from './security/rate-limiter'
import type { Claim, UserContext } from './services/context'
import type { FsrsOptimizer } from './services/fsrs-optimize'
import type { DataBinding } from './web/protocol'

/** Worker bindings (secrets and vars); on Node the same names come from `process.env`. */
export interface Bindings {
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  /** Cloudflare D1: the database of the D1 build of the Worker (`src/worker.ts`, wrangler.toml). */
  DB?: D1Database
  /** Read by `createDeps` on both runtimes. */
  PUBLIC_ORIGIN?: string
  RATE_LIMIT_PER_MINUTE?: string | number
  SIGN_IN_RATE_LIMIT_PER_MINUTE?: string | number
  DEFAULT_DECK?: string
  /** The server's key for signed cookies and review snapshots (`wrangler secret put SIGNING_KEY`). */
  SIGNING_KEY?: string
  /**
   * Cloudflare's Rate Limiting bindings (wrangler.toml `[[ratelimits]]`), counted across
   * isolates; `createDeps` uses each one present instead of the isolate's memory.
   */
  ADDRESS_RATE_LIMIT?: RateLimitBinding
  USER_RATE_LIMIT?: RateLimitBinding
  SIGN_IN_RATE_LIMIT?: RateLimitBinding
  /** The pages Worker's service binding to the data Worker's `Data` entrypoint (wrangler.web.toml). */
  DATA?: DataBinding
}

/** Who is calling: a browser session or an API token (with its scopes). */
export interface Caller {
  userId: string
  email: string
  name: string | null
  via: 'session' | 'token'
  /** Hash of the session secret, for sign-out and rotation. */
  sessionHash?: string
  tokenId?: string
  /** Scopes of a token; a browser session may do everything its user may. */
  scopes: readonly string[] | 'all'
}

/** A message to one person (password-reset links). */
export interface MailMessage {
  to: string
  subject: string
  text: string
}

/**
 * Sends mail. The default writes the message to the server log, which is enough for one person
 * running dockdeck; a deployment plugs in a provider (docs/deploy.md).
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>
}

/** What the runtime entry hands to `createApp`. */
export interface AppDeps {
  /** The database for this request: one shared client on Node, a fresh web client per request on Workers. */
  database: (env: Bindings, deps: ResolvedDeps) => Db
  /** Epoch milliseconds; injected so tests control time. */
  clock?: () => number
  /** Waits (sign-ins to an account under attack are slowed down); injected so tests need not wait. */
  sleep?: (ms: number) => Promise<void>
  /** Client address for throttling; the Worker reads `cf-connecting-ip`, Node the socket. */
  clientIp?: (req: Request, env: unknown) => string
  /**
   * The server's key for what it signs (session cookies, review snapshots: `security/signing.ts`):
   * `SIGNING_KEY`, or on Node a key generated once into `data/signing-key`. The Worker refuses to
   * start without one. Default: a random key per process, so sessions end with it (tests).
   */
  signingKey?: string
  /** Lower KDF cost in tests only; production uses the OWASP default. */
  passwordParams?: ScryptParams
  /** The scrypt implementation: node:crypto's by default, behind a concurrency limit on Node. */
  scrypt?: Scrypt
  /** Absolute origin used in links sent outside the page (invite URLs). */
  publicOrigin?: string
  /** Where password-reset links go; default: the server log. */
  mailer?: Mailer
  /** Rate-limit policies (`rateLimitPolicies`): per address, per API user, sign-ins per address. */
  rateLimits?: Partial<RateLimitPolicies>
  /** Builds each policy's limiter once: Cloudflare's binding on Workers; default, this app's memory. */
  rateLimiter?: RateLimiterFactory
  /** The notes compiler and importers (Node only): without them, uploads and imports answer 501. */
  deckTools?: DeckTools
  /**
   * The pages that write users' and teams' decks (Node only, with `deckTools`): `/decks`, a
   * deck's notes, upload and note editor. Without them those pages answer 501, and their code
   * stays out of the Worker's bundle.
   */
  deckPages?: Hono<AppEnv>
  /** Serves `static/` (Node only): on Workers, Static Assets answer those paths before the Worker. */
  staticFiles?: MiddlewareHandler<AppEnv>
  /** The FSRS optimizer (Node only): without it, `POST /api/v1/settings/optimize` answers 501. */
  fsrsOptimizer?: FsrsOptimizer
  /** The deck a request or form that names none is about (`DEFAULT_DECK`); default: the shipped deck. */
  defaultDeck?: string
}

export interface AppVariables {
  db: Db
  now: number
  deps: Required<
    Omit<
      AppDeps,
      | 'publicOrigin'
      | 'rateLimits'
      | 'rateLimiter'
      | 'mailer'
      | 'deckTools'
      | 'deckPages'
      | 'staticFiles'
      | 'fsrsOptimizer'
    >
  > &
    Pick<AppDeps, 'publicOrigin' | 'deckTools' | 'deckPages' | 'staticFiles' | 'fsrsOptimizer'> & { mailer: Mailer }
  caller: Caller | null
  /** The signed-in caller as services take it (null when anonymous); settings parsed once. */
  user: UserContext | null
  /**
   * The signed-in API caller as the routes that check the session in their own first batch take
   * it (`auth(scope, { foldsSession: true })`); set for every signed-in API caller.
   */
  claim: Claim | null
  csrfToken: string
}

/** The deps an app runs with, defaults filled in (`resolveDeps` in `app-base.ts`). */
export type ResolvedDeps = AppVariables['deps'] & Pick<AppDeps, 'rateLimits' | 'rateLimiter'>

export interface AppEnv {
  Bindings: Bindings
  Variables: AppVariables
}
