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

describe('reference-style links in cards', () => {
  it('render as links from the definitions elsewhere in the note', () => {
    const md =
      '## Images\n\n**digest**: a content hash, see [the spec][spec], [OCI][] and ![logo][img].\n\n[spec]: https://example.com/spec\n[oci]: https://opencontainers.org "OCI"\n[img]: https://example.com/logo.png\n'
    const [card] = compile(md).cards
    expect(card?.answerHtml).toBe(
      '<p>a content hash, see <a href="https://example.com/spec">the spec</a>, <a href="https://opencontainers.org" title="OCI">OCI</a> and <img src="https://example.com/logo.png" alt="logo">.</p>',
    )
  })

  it('leave a reference without a definition as written', () => {
    const [card] = compile('## Images\n\n**digest**: a content hash, named in [the spec][nowhere].\n').cards
    expect(card?.answerHtml).toBe('<p>a content hash, named in [the spec][nowhere].</p>')
  })
})
