/** What an API token may do. A browser session may do everything its user may. */
export const scopes = [
  'review',
  'progress:read',
  'decks:write',
  'teams:read',
  'teams:write',
  'checks:read',
  'checks:write',
] as const
export type Scope = (typeof scopes)[number]
