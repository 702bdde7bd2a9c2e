import type { Child } from 'hono/jsx'

export interface SettingsFieldProps {
  name: string
  label: string
  hint?: string
  error?: string | undefined
  /** The control; it must carry `id={name}` and `aria-describedby={describedBy(name, …)}`. */
  children: Child
}

/** The ids a control should name in `aria-describedby`: its hint and, when there is one, its error. */
export function describedBy(name: string, error: string | undefined): string {
  return error ? `${name}-hint ${name}-error` : `${name}-hint`
}

/** A labelled settings control with its hint and its validation error right below it. */
export function SettingsField(props: SettingsFieldProps) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.children}
      <p id={`${props.name}-hint`} class="muted hint">
        {props.hint ?? ''}
      </p>
      {props.error ? (
        <p id={`${props.name}-error`} class="error field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  )
}
