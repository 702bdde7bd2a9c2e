import { eq } from 'drizzle-orm'
import type { StudySettings } from '../../domain/scheduling'
import type { Db } from '../index'
import { users } from '../schema'

/**
 * Stores a user's study settings. They are read with the session or token lookup
 * (`db/queries/sessions.ts`, `tokens.ts`) and parsed once by `settingsFromJson`, so there is no
 * read here.
 */
export async function saveSettings(db: Db, userId: string, settings: StudySettings): Promise<void> {
  await db
    .update(users)
    .set({ settings: JSON.stringify(settings) })
    .where(eq(users.id, userId))
}
