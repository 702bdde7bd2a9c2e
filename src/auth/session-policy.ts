/** A session ends after a week without use, and a month after sign-in whatever happens. */
export const sessionIdleMs = 7 * 24 * 60 * 60 * 1000
export const sessionAbsoluteMs = 30 * 24 * 60 * 60 * 1000
/** `last_seen_at` is refreshed at most this often, so reads do not all turn into writes. */
export const sessionTouchMs = 5 * 60 * 1000

/**
 * Failed sign-ins are counted in a sliding hour. An address that keeps failing is refused (429):
 * for one account after 10 failures, for every account after 300. An account is never locked:
 * anyone could lock its owner out (security review, finding 5). Past 10 failures from anywhere
 * each sign-in to it is only slowed down, 100 ms per further failure up to 2 s, which costs a
 * serial guesser hours and the owner at most 2 s.
 */
export const loginWindowMs = 60 * 60 * 1000
export const maxFailuresPerAccountAndAddress = 10
export const maxFailuresPerAddress = 300
export const slowDownAfterFailures = 10
export const slowDownStepMs = 100
export const maxSlowDownMs = 2000
