import * as v from 'valibot'
import { scopes } from '../auth/scopes'
import { isTimeZone } from '../domain/scheduling/settings'
import { passwordLength, weakPasswordReason } from '../security/password-policy'

export const emailSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty('is required'),
  v.maxLength(254, 'must be at most 254 characters'),
  v.email('must be an email address'),
)

/**
 * ASVS 2.1.1/2.1.2: at least 12 characters, and long passphrases (up to 128) allowed, counted
 * in code points after NFKC normalisation (the form that is hashed), so full-width letters or
 * decomposed accents do not change the count (issue 11, finding 7). The output is normalised.
 */
export const passwordLimits = { min: 12, max: 128 } as const

export const passwordSchema = v.pipe(
  v.string('must be a string'),
  v.normalize('NFKC'),
  v.check((password) => passwordLength(password) >= passwordLimits.min, 'must be at least 12 characters'),
  v.check((password) => passwordLength(password) <= passwordLimits.max, 'must be at most 128 characters'),
)

/** A password to check against a stored hash: normalised and measured the way `passwordSchema` is. */
export const givenPasswordSchema = v.pipe(
  v.string('must be a string'),
  v.normalize('NFKC'),
  v.nonEmpty('is required'),
  v.check((password) => passwordLength(password) <= 128, 'is too long'),
)

export const registerSchema = v.pipe(
  v.object({
    email: emailSchema,
    password: passwordSchema,
    name: v.optional(
      v.pipe(v.string('must be a string'), v.trim(), v.maxLength(100, 'must be at most 100 characters')),
    ),
    /** The browser's zone (`Intl`), so study days start at the learner's own day start; default UTC. */
    timezone: v.optional(
      v.pipe(
        v.string('must be an IANA time zone name such as Europe/Berlin'),
        v.check(isTimeZone, 'must be an IANA time zone name such as Europe/Berlin'),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['email'], ['password']],
      (input) => weakPasswordReason(input.password, input.email) === undefined,
      (issue) => {
        const input = issue.input as { email: string; password: string }
        return `${weakPasswordReason(input.password, input.email) ?? 'is too easy to guess'}: choose another`
      },
    ),
    ['password'],
  ),
)

export const loginSchema = v.object({
  email: emailSchema,
  password: givenPasswordSchema,
})

export const createTokenSchema = v.object({
  name: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('is required'),
    v.maxLength(100, 'must be at most 100 characters'),
  ),
  scopes: v.optional(
    v.pipe(
      v.array(v.picklist(scopes, `must be one of ${scopes.join(', ')}`), 'must be an array of scopes'),
      v.minLength(1, 'must name at least one scope'),
    ),
  ),
  expiresInDays: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1), v.maxValue(365)),
    90,
  ),
})

export const idParamSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'must be an id')),
})
