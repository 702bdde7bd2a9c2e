import { scopes } from '../../auth/scopes'
import { shownTime } from '../../format'
import { CsrfField } from '../components/csrf-field'
import { PasswordField } from '../components/password-field'

export interface AccountToken {
  id: string
  name: string
  scopes: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
}

export interface AccountPageProps {
  email: string
  tokens: AccountToken[]
  /** Tokens neither revoked nor expired, and how many may be (`maxActiveTokens`). */
  activeTokens: number
  tokenLimit: number
  csrfToken: string
  /** The viewer's zone, for the tokens' dates. */
  timeZone: string
  /** The secret of a token just created: shown this once. */
  created?: { name: string; token: string }
  /** What the last form did, or why it failed, and which form it was. */
  notice?: { form: string; message: string; error: boolean }
}

const scopeLabels: Record<string, string> = {
  review: 'Review cards',
  'progress:read': 'Read progress and history',
  'teams:read': 'Read teams',
  'teams:write': 'Manage teams and invites',
  'checks:read': 'Read and take checks',
  'checks:write': 'Create checks',
}

function Notice(props: { for: string; notice: AccountPageProps['notice'] }) {
  if (props.notice?.form !== props.for) return null
  return (
    <p class={props.notice.error ? 'notice error' : 'notice info'} role={props.notice.error ? 'alert' : 'status'}>
      {props.notice.message}
    </p>
  )
}

const day = (iso: string | null, timeZone: string) => (iso ? shownTime(iso, timeZone, 'date') : 'never')

/** `/account`: email, password, API tokens, sessions, and the account's data. */
export function AccountPage(props: AccountPageProps) {
  return (
    <>
      <h1>Your account</h1>
      <section class="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        <p class="muted">
          A token lets a script use the <a href="/api/docs">API</a> as you, limited to the scopes you tick.
          {` You may hold up to ${props.tokenLimit} active tokens at once; you hold ${props.activeTokens}.`}
        </p>
        <Notice for="tokens" notice={props.notice} />
        {props.activeTokens >= props.tokenLimit && props.notice?.form !== 'tokens' ? (
          <p class="notice info" role="status">
            {`You hold ${props.activeTokens} active tokens, the most allowed: revoke one to create another.`}
          </p>
        ) : null}
        {props.created ? (
          <div class="notice info" role="status">
            <p>{`Token "${props.created.name}" created. Copy it now: it is shown only once.`}</p>
            <pre>
              <code id="new-token">{props.created.token}</code>
            </pre>
          </div>
        ) : null}
        {props.tokens.length ? (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="visually-hidden">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.tokens.map((token) => (
                  <tr>
                    <th scope="row">{token.name}</th>
                    <td>{token.scopes.join(', ')}</td>
                    <td>{day(token.lastUsedAt, props.timeZone)}</td>
                    <td>{day(token.expiresAt, props.timeZone)}</td>
                    <td>
                      <form method="post" action={`/account/tokens/${token.id}/revoke`}>
                        <CsrfField token={props.csrfToken} />
                        <button class="secondary" type="submit">
                          Revoke<span class="visually-hidden">{` ${token.name}`}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>You have no API tokens.</p>
        )}
        <form method="post" action="/account/tokens">
          <CsrfField token={props.csrfToken} />
          <label for="token-name">New token's name</label>
          <input id="token-name" name="name" required maxlength={100} placeholder="CI results script" />
          <fieldset>
            <legend>What it may do</legend>
            {scopes.map((scope) => (
              <label class="check">
                <input type="checkbox" name="scopes" value={scope} /> {scopeLabels[scope] ?? scope} <code>{scope}</code>
              </label>
            ))}
          </fieldset>
          <label for="token-days">Expires after (days)</label>
          <input id="token-days" name="expiresInDays" type="number" min={1} max={365} value="90" inputmode="numeric" />
          <p>
            <button type="submit">Create token</button>
          </p>
        </form>
      </section>

      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        <Notice for="password" notice={props.notice} />
        <form method="post" action="/account/password">
          <CsrfField token={props.csrfToken} />
          <PasswordField id="pw-current" name="currentPassword" label="Current password" purpose="current" />
          <PasswordField id="pw-new" name="newPassword" label="New password" purpose="new" />
          <p class="muted">At least 12 characters. Your other devices are signed out when it changes.</p>
          <p>
            <button type="submit">Change password</button>
          </p>
        </form>
      </section>

      <section class="card" aria-labelledby="email-title">
        <h2 id="email-title">Email</h2>
        <p>
          {'You sign in as '}
          <strong>{props.email}</strong>.
        </p>
        <Notice for="email" notice={props.notice} />
        <form method="post" action="/account/email">
          <CsrfField token={props.csrfToken} />
          <label for="email-new">New email</label>
          <input id="email-new" name="email" type="email" autocomplete="email" required maxlength={254} />
          <PasswordField id="email-password" name="currentPassword" label="Current password" purpose="current" />
          <p>
            <button type="submit">Change email</button>
          </p>
        </form>
      </section>

      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Devices</h2>
        <p>Lost a phone, or signed in on a shared computer? End every session, this one included.</p>
        <form method="post" action="/account/sign-out-everywhere">
          <CsrfField token={props.csrfToken} />
          <button class="secondary" type="submit">
            Sign out everywhere
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>
          Download your whole review history first if you want to keep it:{' '}
          <a href="/api/v1/reviews/export?format=csv">CSV</a> or <a href="/api/v1/reviews/export?format=json">JSON</a>.
        </p>
        <Notice for="delete" notice={props.notice} />
        <form method="post" action="/account/delete">
          <CsrfField token={props.csrfToken} />
          <p>
            Deleting your account removes your reviews, exams, tokens and team memberships for good. Teams where you are
            the only member are deleted too.
          </p>
          <PasswordField id="delete-password" name="currentPassword" label="Current password" purpose="current" />
          <label for="delete-confirm">Type delete to confirm</label>
          <input id="delete-confirm" name="confirm" required autocomplete="off" pattern="delete" />
          <p>
            <button class="danger" type="submit">
              Delete my account
            </button>
          </p>
        </form>
      </section>
    </>
  )
}
