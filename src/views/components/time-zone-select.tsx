export interface TimeZoneSelectProps {
  id: string
  name: string
  /** The zone selected when the page is served: the saved one, or the one just submitted. */
  value: string
  /** Let timezone.js select the browser's zone (sign-up's first view, where nothing was chosen yet). */
  detect?: boolean
  invalid?: boolean
  describedBy?: string
}

let zones: string[] | undefined

/**
 * The IANA zones the runtime knows, UTC first (`Intl.supportedValuesOf` leaves it out), and the
 * chosen one kept when it is an alias the list does not name (`Asia/Kolkata` beside ICU's
 * `Asia/Calcutta`): the select works without JavaScript and never drops a saved zone.
 */
export function timeZoneChoices(current: string): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')]
  return current === '' || zones.includes(current) ? zones : [current, ...zones]
}

/** A select of every time zone, for sign-up and the settings page. */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  return (
    <select
      id={props.id}
      name={props.name}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      data-browser-timezone={props.detect ? '' : undefined}
    >
      {timeZoneChoices(props.value).map((zone) => (
        <option value={zone} selected={zone === props.value}>
          {zone}
        </option>
      ))}
    </select>
  )
}
