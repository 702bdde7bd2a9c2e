import { describe, expect, it } from 'vitest'
import { compile } from './compile'

describe('rendered HTML', () => {
  it('drops raw HTML and javascript: links from the notes', () => {
    const [card] = compile(
      'Click? :: [here](javascript:alert(1)) <script>alert(1)</script><b onclick="x()">bold</b>\n',
    ).cards
    expect(card?.answerHtml).toBe('<p><a>here</a> alert(1)bold</p>')
  })

  it('keeps safe links, emphasis and code', () => {
    const [card] = compile('Docs? :: see [the guide](https://docs.docker.com/) for *more* on `docker run`\n').cards
    expect(card?.answerHtml).toBe(
      '<p>see <a href="https://docs.docker.com/">the guide</a> for <em>more</em> on <code>docker run</code></p>',
    )
    expect(card?.answer).toBe('see the guide for more on docker run')
  })

  it('never shows an id marker or a comment in HTML or plain text', () => {
    const [card] = compile('Marked? :: yes <!-- a comment --> <!-- card: 0123456789ab -->\n').cards
    expect([card?.answer, card?.answerHtml]).toEqual(['yes', '<p>yes</p>'])
  })
})
