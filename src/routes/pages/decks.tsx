import { Hono } from 'hono'
import type { AppEnv } from '../../env'

/** Deck pages: topics, cards and the source notes (issue 3). */
export const deckPages = new Hono<AppEnv>()
