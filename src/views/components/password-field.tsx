import { passwordLimits } from '../../schemas/accounts'

export interface PasswordFieldProps {
  id: string
  name: string
  label: string
  /** `new` asks for a password to set (the length rule applies), `current` for the one in use. */
  purpose: 'new' | 'current'
  invalid?: boolean
  describedBy?: string | undefined
}

/** A labelled password input with the browser hints and length limits the server checks too. */
export function PasswordField(props: PasswordFieldProps) {
  const isNew = props.purpose === 'new'
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="password"
        autocomplete={isNew ? 'new-password' : 'current-password'}
        required
        minlength={isNew ? passwordLimits.min : undefined}
        maxlength={passwordLimits.max}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
      />
    </>
  )
}
