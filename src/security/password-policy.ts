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

/**
 * The form every password rule judges, and the one that is hashed: Unicode NFKC, so full-width
 * `ｐａｓｓｗｏｒｄ１２３４` is `password1234` (as sign-in, which normalises too, would accept it).
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC')
}

/** Length as a person counts it, near enough: code points, not UTF-16 units (an emoji is one, not two). */
export function passwordLength(password: string): number {
  return [...normalisePassword(password)].length
}

/**
 * The letters under the marks, lower-cased: `p̲a̲s̲s̲w̲o̲r̲d̲` judged as `password`. Only for
 * comparing with the (Latin) lists and runs below: stripping marks from other scripts never
 * makes them match those, so it refuses nothing there.
 */
function bareLetters(password: string): string {
  return normalisePassword(password).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** One user-perceived character repeated, combining marks and emoji included (`a̲a̲a̲…`, `😀😀😀…`). */
function isOneCharacterRepeated(password: string): boolean {
  const seen = new Set<string>()
  for (const { segment } of graphemes.segment(normalisePassword(password).toLowerCase())) seen.add(segment)
  return seen.size <= 1
}

/**
 * A reason the password is too easy to guess, or undefined when it is acceptable. Judged after
 * NFKC normalisation (issue 11, finding 7: the rules used to run on the raw text, so full-width
 * letters or combining marks slipped a common or repeated password past them).
 */
export function weakPasswordReason(password: string, email?: string): string | undefined {
  const bare = bareLetters(password)
  if (common.has(bare.replace(/\s+/g, ''))) return 'is one of the most common passwords'
  if (isOneCharacterRepeated(password) || /^(.)\1+$/u.test(bare)) return 'is one character repeated'
  if (runs.some((run) => run.includes(bare) || [...run].reverse().join('').includes(bare)))
    return 'is a run of consecutive keys or digits'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && bare.includes(bareLetters(local))) return 'must not contain your email address'
  return undefined
}
