import { raw } from 'hono/html'

export interface CardHtmlProps {
  html: string
  class?: string
}

/** Markup the compiler's sanitiser never lets through; its presence means the row was not compiled by us. */
const unsanitised =
  /<\s*\/?\s*(script|style|iframe|object|embed|form|base|meta|link)\b|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?\s*javascript:/i

/**
 * Card text as the notes compiler rendered it. `raw()` is acceptable here only because prompt
 * and answer HTML are sanitised once, at compile time (src/content/render.ts, hast-util-sanitize),
 * before they reach the database. As a second line behind that and the CSP, HTML that still
 * carries a script, an event handler or a `javascript:` URL is shown as escaped text instead.
 */
export function CardHtml(props: CardHtmlProps) {
  const safe = !unsanitised.test(props.html)
  return <div class={props.class ?? 'card-html'}>{safe ? raw(props.html) : props.html}</div>
}
