import { type Asset, js } from './asset'

/**
 * The browser's time zone, for sign-up (it selects the zone in the form's select, so a study day
 * starts at the learner's own 04:00; without JS the learner picks it, UTC preset) and for the
 * settings page, which offers to switch when the browser's zone differs from the one saved. A zone
 * the list does not name (an alias) is added to it; the server still checks it.
 */
const timezoneJs = `
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''
for (const field of zone ? document.querySelectorAll('[data-browser-timezone]') : []) {
  if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === zone)) field.add(new Option(zone, zone))
  field.value = zone
}
for (const offer of document.querySelectorAll('[data-timezone-offer]')) {
  if (!zone || zone === offer.dataset.current) continue
  for (const name of offer.querySelectorAll('[data-zone-name]')) name.textContent = zone
  offer.hidden = false
}
`

export const timezoneAssets: Record<string, Asset> = { 'timezone.js': js(timezoneJs) }
