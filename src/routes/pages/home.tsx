import { Hono } from 'hono'
import { listDecks } from '../../db/queries/decks'
import type { AppEnv } from '../../env'
import { HomePage } from '../../views/pages/home'

export const homePages = new Hono<AppEnv>().get('/', async (c) => {
  const decks = c.var.caller ? await listDecks(c.var.db) : []
  return c.render(<HomePage signedIn={c.var.caller !== null} decks={decks} />, { title: 'Home' })
})
