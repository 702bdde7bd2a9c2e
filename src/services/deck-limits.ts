/**
 * Size limits for users' and teams' decks. Each is a number a client can hit, so each is a 413
 * (or 422 for counts) naming the limit, never a slow server or a 5xx.
 */
export const deckLimits = {
  /** One note (Markdown file), in bytes of UTF-8. */
  noteBytes: 256 * 1024,
  /** One upload or import request, in bytes as sent. */
  uploadBytes: 32 * 1024 * 1024,
  /** Everything unpacked from one archive (`.zip`, `.apkg`, `.colpkg`). */
  unpackedBytes: 128 * 1024 * 1024,
  /** Files in one archive. */
  archiveEntries: 5_000,
  notesPerDeck: 2_000,
  cardsPerDeck: 20_000,
  decksPerUser: 100,
  /** Live cards across every deck a user owns. */
  cardsPerUser: 100_000,
} as const
