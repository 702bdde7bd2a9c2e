import * as v from 'valibot'
import { emailSchema, passwordSchema } from './accounts'

const currentPassword = v.pipe(v.string('must be a string'), v.nonEmpty('is required'), v.maxLength(128, 'is too long'))

export const changePasswordSchema = v.object({ currentPassword, newPassword: passwordSchema })
export const changeEmailSchema = v.object({ email: emailSchema, currentPassword })
export const deleteAccountSchema = v.object({
  currentPassword,
  confirm: v.literal('delete', 'must be the word delete'),
})
export const forgotPasswordSchema = v.object({ email: emailSchema })
export const resetPasswordSchema = v.object({ newPassword: passwordSchema })
export const resetTokenSchema = v.object({
  token: v.pipe(v.string(), v.regex(/^[\w-]{43}$/, 'must be a reset link')),
})
