/** A session ends after a week without use, and a month after sign-in whatever happens. */
export const sessionIdleMs = 7 * 24 * 60 * 60 * 1000
export const sessionAbsoluteMs = 30 * 24 * 60 * 60 * 1000
/** `last_seen_at` is refreshed at most this often, so reads do not all turn into writes. */
export const sessionTouchMs = 5 * 60 * 1000

/** Failed sign-ins allowed per account and per client address in a sliding hour. */
export const loginWindowMs = 60 * 60 * 1000
export const maxFailuresPerAccount = 100
export const maxFailuresPerIp = 300
