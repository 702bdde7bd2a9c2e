export interface ErrorPageProps {
  status: number
  message: string
  signedIn: boolean
  /** Where the person came from on this site, offered as the way back. */
  back?: string
}

const headings: Record<number, string> = {
  401: 'Please sign in',
  403: 'This page is not open to you',
  404: 'Page not found',
  409: 'That changed in the meantime',
  410: 'That link no longer works',
  413: 'That was too large',
  429: 'Too many tries',
  501: 'Not on this server',
}

/** An error as a page: what happened in a sentence, and a way on. */
export function ErrorPage(props: ErrorPageProps) {
  const heading = headings[props.status] ?? (props.status >= 500 ? 'Something went wrong' : 'That did not work')
  return (
    <section class="card">
      <h1>{heading}</h1>
      <p>{props.message}</p>
      {props.status === 429 ? <p>Wait a minute, then try again.</p> : null}
      {props.status >= 500 && props.status !== 501 ? <p>Nothing you did caused this. Try again in a moment.</p> : null}
      <p class="row">
        {props.back ? <a href={props.back}>Go back</a> : null}
        {props.signedIn ? (
          <a href="/">Your decks</a>
        ) : (
          <>
            <a href="/signin">Sign in</a>
            <a href="/signup">Create an account</a>
          </>
        )}
        <a href="/help">Help</a>
      </p>
    </section>
  )
}
