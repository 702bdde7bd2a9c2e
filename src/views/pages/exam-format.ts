/** Display helpers shared by the exam, quiz and readiness views. */

export const percent = (share: number) => `${Math.round(share * 100)}%`

/** `87:05` or `1:27:05`: what is left of an exam, never negative. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}

/** `1 March 2026` for a `YYYY-MM-DD` day. */
export function longDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  )
}

export const formatNames: Record<string, string> = {
  mcq: 'Multiple choice',
  domc: 'DOMC',
  mixed: 'Mixed',
  typein: 'Type the answer',
}

/** A–D for the first options, then E, F, … */
export const optionLetter = (index: number) => String.fromCharCode(65 + index)
