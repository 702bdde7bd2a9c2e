/**
 * ASVS 2.1.7: refuse passwords that are known to be common. The check is local (no network
 * call to a breach API): the most common passwords long enough to pass the 12-character rule,
 * and passwords that are one character repeated or a keyboard/number run.
 * @see https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/0x11-V2-Authentication.md
 */
const common = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyuiopasdfghjkl',
  'asdfghjklqwe',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'administrator',
  'administrator1',
  'changeme1234',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'trustno11234',
  'abcdefghijkl',
  'abcd1234abcd',
  'abc123abc123',
  'dockerdocker',
  'dockdeck1234',
])

const runs = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm']

/** A reason the password is too easy to guess, or undefined when it is acceptable. */
export function weakPasswordReason(password: string, email?: string): string | undefined {
  const folded = password.toLowerCase()
  if (common.has(folded.replace(/\s+/g, ''))) return 'is one of the most common passwords'
  if (/^(.)\1+$/.test(folded)) return 'is one character repeated'
  if (runs.some((run) => run.includes(folded) || [...run].reverse().join('').includes(folded)))
    return 'is a run of consecutive keys or digits'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && folded.includes(local)) return 'must not contain your email address'
  return undefined
}
