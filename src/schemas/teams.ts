import * as v from 'valibot'

const id = v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,64}$/, 'must be an id'))
const slug = v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slug like "docker"'))
const timestamp = v.pipe(v.string('must be a string'), v.isoTimestamp('must be an ISO 8601 timestamp'))
const text = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('is required'),
    v.maxLength(max, `must be at most ${max} characters`),
  )

export const roles = ['owner', 'member'] as const
export type Role = (typeof roles)[number]

export const teamParamSchema = v.object({ id })
export const memberParamSchema = v.object({ id, userId: id })
export const checkParamSchema = v.object({ id })
/** Invite codes are 128-bit random, base64url: 22 characters. */
export const inviteParamSchema = v.object({
  code: v.pipe(v.string('must be a string'), v.regex(/^[\w-]{22,64}$/, 'must be an invite code')),
})

export const createTeamSchema = v.object({ name: text(80) })

export const createInviteSchema = v.object({
  expiresInDays: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1), v.maxValue(30)),
    7,
  ),
})

export const changeRoleSchema = v.object({ role: v.picklist(roles, 'must be owner or member') })

/**
 * Checks are a fixed list of questions answered in one go, so DOMC (options shown one at a
 * time) is not offered: `mcq` asks every card as multiple choice, `mixed` asks command cards
 * as type-in questions.
 */
export const checkFormats = ['mcq', 'mixed'] as const

export const createCheckSchema = v.pipe(
  v.object({
    title: text(120),
    deck: slug,
    topics: v.optional(v.pipe(v.array(slug, 'must be an array of topic slugs'), v.maxLength(50))),
    questionCount: v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(100, 'must be at most 100'),
    ),
    format: v.optional(v.picklist(checkFormats, 'must be mcq or mixed'), 'mcq'),
    opensAt: v.optional(timestamp),
    closesAt: v.optional(timestamp),
  }),
  v.forward(
    v.check(
      (input) => !input.opensAt || !input.closesAt || Date.parse(input.closesAt) > Date.parse(input.opensAt),
      'must be after opensAt',
    ),
    ['closesAt'],
  ),
)
export type CreateCheckInput = v.InferOutput<typeof createCheckSchema>

/** `choice` is the option id of a multiple-choice question, or the typed answer of a type-in one. */
export const submissionSchema = v.object({
  answers: v.pipe(
    v.array(
      v.object({
        questionId: v.pipe(v.string('must be a string'), v.maxLength(80, 'must be a question id')),
        choice: v.pipe(v.string('must be a string'), v.maxLength(500, 'must be at most 500 characters')),
      }),
      'must be an array of {questionId, choice}',
    ),
    v.maxLength(100, 'must have at most 100 answers'),
  ),
})
export type SubmissionInput = v.InferOutput<typeof submissionSchema>

export const resultsQuerySchema = v.object({
  format: v.optional(v.picklist(['json', 'csv'], 'must be json or csv'), 'json'),
})
