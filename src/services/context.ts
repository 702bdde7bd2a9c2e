import type { Db } from '../db/index'
import { parseSettings, type StudySettings } from '../domain/scheduling'

/** What every request brings to a service: its database and the request's clock reading. */
export interface RequestContext {
  db: Db
  /** Epoch milliseconds, read once per request from the injected clock. */
  now: number
}

/**
 * A signed-in user's request, as every service that acts for a user takes it: database, clock,
 * user and their parsed study settings. The caller middleware sets it once on `c.var.user`
 * (the way create-honc-app sets `c.var.db`), so no route builds its own and settings are read
 * one way: with the session or token lookup, parsed here.
 */
export interface UserContext extends RequestContext {
  userId: string
  settings: StudySettings
  /** The settings as stored, which a review snapshot binds (`review-snapshot.ts`). */
  settingsJson?: string | undefined
  /**
   * The browser session making the request (hash of its secret); none for an API token. Kept
   * when the others are signed out, replaced by a new sign-in from the same browser.
   */
  sessionHash?: string | undefined
}

/** Parsed settings by their stored JSON: most requests of a user carry the same string. */
const parsedSettings = new Map<string, StudySettings>()

/** The settings stored as `json`, parsed once per distinct string; each call gets its own copy. */
export function settingsFromJson(json: string): StudySettings {
  let settings = parsedSettings.get(json)
  if (!settings) {
    settings = parseSettings(json)
    if (parsedSettings.size >= 1000) parsedSettings.clear()
    parsedSettings.set(json, settings)
  }
  return { ...settings }
}

/**
 * A signed-in API caller before its session is checked: the user id from the signed cookie
 * (authentic, but the session may have been signed out since). Routes marked
 * `auth(scope, { foldsSession: true })` take this instead of a `UserContext` and check the
 * session in their own first batch (`callerRow` first, then `confirmCaller`), which saves the
 * separate session lookup: one database round trip per request (docs/deploy.md, "Round trips").
 */
export interface Claim extends RequestContext {
  userId: string
  /** Hash of the browser session's secret; none for an API token. */
  sessionHash?: string | undefined
  /** The caller's context when it is checked already (an API token, a page); then `callerRow` only reads the user. */
  checked?: UserContext | undefined
}

/** A checked caller as a claim, for services that take either. */
export function claimOf(ctx: UserContext | Claim): Claim {
  return 'settings' in ctx
    ? { db: ctx.db, now: ctx.now, userId: ctx.userId, sessionHash: ctx.sessionHash, checked: ctx }
    : ctx
}
