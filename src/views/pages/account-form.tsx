import { CsrfField } from '../components/csrf-field'
import { PasswordField } from '../components/password-field'
import { TimeZoneSelect } from '../components/time-zone-select'

export interface AccountFormProps {
  mode: 'signin' | 'signup'
  csrfToken: string
  email?: string
  name?: string
  /** Sign-up: the zone sent with a refused form; absent on the first view, where the browser's is detected. */
  timezone?: string
  error?: { field?: string; message: string }
  next?: string
  /** The team whose invite brought the person here, named so they know why to sign in. */
  invitingTeam?: string
  /** A word before signing in (after a password reset). */
  notice?: string
}

function withNext(path: string, next: string | undefined): string {
  return next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path
}

/** Sign-in and sign-up share one form; sign-up adds a name and the password rule. */
export function AccountForm(props: AccountFormProps) {
  const signup = props.mode === 'signup'
  const errorId = props.error ? 'form-error' : undefined
  return (
    <section class="card">
      <h1>{signup ? 'Create your account' : 'Sign in'}</h1>
      {props.notice ? (
        <p class="notice info" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.invitingTeam ? (
        <p class="notice info">
          {`You have been invited to join the team ${props.invitingTeam}. `}
          {signup ? 'Create your account to accept.' : 'Sign in, or create an account, to accept.'}
        </p>
      ) : null}
      {props.error ? (
        <p id="form-error" class="notice error" role="alert">
          {props.error.message}
        </p>
      ) : null}
      <form method="post" action={signup ? '/signup' : '/signin'}>
        <CsrfField token={props.csrfToken} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete={signup ? 'email' : 'username'}
          required
          maxlength={254}
          value={props.email ?? ''}
          aria-invalid={props.error?.field === 'email' ? 'true' : undefined}
          aria-describedby={errorId}
        />
        {signup ? (
          <>
            <label for="name">Name (optional)</label>
            <input id="name" name="name" autocomplete="name" maxlength={100} value={props.name ?? ''} />
          </>
        ) : null}
        <PasswordField
          id="password"
          name="password"
          label="Password"
          purpose={signup ? 'new' : 'current'}
          invalid={props.error?.field === 'password'}
          describedBy={signup ? 'password-rule' : errorId}
        />
        {signup ? (
          <>
            <p id="password-rule" class="muted">
              At least 12 characters. A passphrase of a few words is easiest to remember.
            </p>
            <label for="timezone">Time zone</label>
            <TimeZoneSelect
              id="timezone"
              name="timezone"
              value={props.timezone ?? 'UTC'}
              detect={props.timezone === undefined}
              invalid={props.error?.field === 'timezone'}
              describedBy="timezone-hint"
            />
            <p id="timezone-hint" class="muted">
              Your study day starts at 04:00 on this clock, and dates are shown in it. Your browser's zone is picked
              when it can tell; you can change it in settings later.
            </p>
          </>
        ) : null}
        <p>
          <button type="submit">{signup ? 'Sign up' : 'Sign in'}</button>
        </p>
      </form>
      <p class="muted">
        {signup ? (
          <>
            Already have an account? <a href={withNext('/signin', props.next)}>Sign in</a>
          </>
        ) : (
          <>
            New here? <a href={withNext('/signup', props.next)}>Create an account</a> ·{' '}
            <a href="/password/forgot">Forgot your password?</a>
          </>
        )}
      </p>
    </section>
  )
}
