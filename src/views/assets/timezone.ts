import { type Asset, js } from './asset'

/**
 * The browser's time zone, for sign-up (a hidden field, so a study day starts at the learner's own
 * 04:00; without JS the field stays empty and the account starts in UTC) and for the settings page,
 * which offers to switch when the browser's zone differs from the one saved.
 */
const timezoneJs = `
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''
for (const input of document.querySelectorAll('input[data-browser-timezone]')) input.value = zone
for (const offer of document.querySelectorAll('[data-timezone-offer]')) {
  if (!zone || zone === offer.dataset.current) continue
  for (const name of offer.querySelectorAll('[data-zone-name]')) name.textContent = zone
  offer.hidden = false
}
`

export const timezoneAssets: Record<string, Asset> = { 'timezone.js': js(timezoneJs) }
