import { saveSettings } from '../db/queries/settings'
import { applySettingsUpdate, type StudySettings, type StudySettingsUpdate } from '../domain/scheduling'
import type { UserContext } from './context'

/**
 * The one way study settings change, for `PUT /api/v1/settings` and the `/settings` form alike:
 * a validated update (`studySettingsUpdateSchema`) applied to the user's settings and stored.
 * Returns the settings now in force.
 */
export async function updateSettings(user: UserContext, update: StudySettingsUpdate): Promise<StudySettings> {
  const next = applySettingsUpdate(user.settings, update)
  await saveSettings(user.db, user.userId, next)
  return next
}
