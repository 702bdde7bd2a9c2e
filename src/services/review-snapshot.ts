import type { CardStateRow } from '../db/queries/review'
import { fromBase64Url, toBase64Url } from '../security/encoding'
import { signValue, verifyValue } from '../security/signing'

/**
 * A card's state as the next-card response read it, signed (purpose `review-snapshot`, so it is
 * never a session cookie nor one of those a snapshot), so an answer can be computed from it
 * without reading the state again: one round trip instead of two (docs/deploy.md, "Round
 * trips"). It binds the user, the card, the settings it was scheduled with (their stored JSON,
 * compared in SQL when the answer is written) and the whole state row, or none for an unseen
 * card; the answer's write is guarded by that version and `updated_at`, so a snapshot that is
 * no longer true writes nothing and the answer takes the read path. The payload is JSON in
 * base64url, so the value is the same opaque token in JSON, a form field and a URL.
 */
export interface ReviewSnapshot {
  settingsJson: string
  state: CardStateRow | undefined
}

/** The longest snapshot handed out or taken: every setting stored and a reviewed card make 1.2 KB. */
export const snapshotMaxLength = 4096

export function issueSnapshot(
  signingKey: string,
  userId: string,
  cardId: string,
  state: CardStateRow | undefined,
  settingsJson: string,
): string | undefined {
  const value = signValue(
    signingKey,
    'review-snapshot',
    toBase64Url(
      new TextEncoder().encode(JSON.stringify({ user: userId, card: cardId, settings: settingsJson, state })),
    ),
  )
  // Settings too large for a snapshot only cost that user the read path.
  return value.length <= snapshotMaxLength ? value : undefined
}

/** The snapshot in `value` if the server signed it for this user and card; undefined otherwise. */
export function readSnapshot(
  signingKey: string,
  value: string,
  userId: string,
  cardId: string,
): ReviewSnapshot | undefined {
  const payload = verifyValue(signingKey, 'review-snapshot', value)
  if (payload === undefined) return undefined
  const { user, card, settings, state } = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)))
  return user === userId && card === cardId ? { settingsJson: settings, state } : undefined
}
