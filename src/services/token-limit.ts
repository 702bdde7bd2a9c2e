/**
 * Active tokens a user may hold at once: the API limit is per user, and a cap keeps a leaked
 * session from minting an unbounded pile of tokens to revoke one by one (security review, finding 8).
 */
export const maxActiveTokens = 20
