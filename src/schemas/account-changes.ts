import * as v from 'valibot'
import { emailSchema, givenPasswordSchema, passwordSchema } from './accounts'

const currentPassword = givenPasswordSchema

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
