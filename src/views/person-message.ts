import type { AppError } from '../errors'

/** Field names as a person reads them on a form; any other name is spelled out from camelCase. */
const labels: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  name: 'Name',
  timezone: 'Time zone',
  code: 'Invite code',
  shownAt: 'The time the card was shown',
  rating: 'Your grade',
  cardId: 'The card',
  expectedVersion: 'The card',
}

export function fieldLabel(field: string): string {
  const last = field.split('.').at(-1) ?? field
  if (labels[last]) return labels[last]
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function sentence(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) return trimmed
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(first) ? first : `${first}.`
}

/**
 * What a page says about an error: a sentence for a person. The API's problem documents keep the
 * validator's wording (`shownAt: Invalid key: …`), which names the field for a program; a page
 * says "The time the card was shown is missing." instead.
 */
export function personMessage(error: AppError): string {
  const field = error.options.field
  let detail = error.message
  if (field && detail.startsWith(`${field}: `)) detail = detail.slice(field.length + 2)
  if (error.code === 'validation_failed' && field) {
    // Valibot's own defaults ("Invalid key: Expected …", "Invalid type: …") say nothing to a person.
    if (/^Invalid (key|type)/.test(detail)) return `${fieldLabel(field)} is missing or not in the expected form.`
    return sentence(`${fieldLabel(field)} ${detail}`)
  }
  return sentence(detail)
}
