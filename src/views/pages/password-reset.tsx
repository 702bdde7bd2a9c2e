import { CsrfField } from '../components/csrf-field'
import { PasswordField } from '../components/password-field'

export interface PasswordFormProps {
  csrfToken: string
  error?: string
}

/** `/password/forgot`: ask for a link; the answer is the same whether the email has an account. */
export function ForgotPasswordPage(props: PasswordFormProps & { sent?: boolean; email?: string }) {
  return (
    <section class="card">
      <h1>Forgot your password?</h1>
      {props.sent ? (
        <p class="notice info" role="status">
          If an account uses that email, a link to choose a new password is on its way. It works for an hour.
        </p>
      ) : null}
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/password/forgot">
        <CsrfField token={props.csrfToken} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required value={props.email ?? ''} />
        <p>
          <button type="submit">Send me a link</button>
        </p>
      </form>
      <p class="muted">
        Remembered it? <a href="/signin">Sign in</a>
      </p>
    </section>
  )
}

/** `/password/reset/:token`: choose a new password with a link from the mail. */
export function ResetPasswordPage(props: PasswordFormProps & { token: string }) {
  return (
    <section class="card">
      <h1>Choose a new password</h1>
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`/password/reset/${props.token}`}>
        <CsrfField token={props.csrfToken} />
        <PasswordField id="new-password" name="newPassword" label="New password" purpose="new" />
        <p class="muted">At least 12 characters. Every device signed in to your account is signed out.</p>
        <p>
          <button type="submit">Set the new password</button>
        </p>
      </form>
    </section>
  )
}
