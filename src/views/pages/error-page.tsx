export interface ErrorPageProps {
  status: number
  message: string
}

export function ErrorPage(props: ErrorPageProps) {
  const heading =
    props.status === 404 ? 'Page not found' : props.status >= 500 ? 'Something went wrong' : 'That did not work'
  return (
    <section class="card">
      <h1>{heading}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Back to your decks</a>
      </p>
    </section>
  )
}
