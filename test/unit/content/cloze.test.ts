import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

describe('cloze cards', () => {
  it('makes one card per `==gap==`, the other gaps visible, as Obsidian-SR does', () => {
    expect(shapes('Namespaces limit what a process can ==see==; cgroups limit what it can ==use==.\n')).toEqual([
      ['cloze', 'Namespaces limit what a process can […]; cgroups limit what it can use.', 'see'],
      ['cloze', 'Namespaces limit what a process can see; cgroups limit what it can […].', 'use'],
    ])
  })

  it('makes one card per Anki cloze number and shows the hint', () => {
    const md = '{{c1::runc::runtime}} is called by {{c2::containerd}}, which {{c1::runc}} answers.\n'
    expect(shapes(md)).toEqual([
      ['cloze', '[runtime] is called by containerd, which […] answers.', 'runc; runc'],
      ['cloze', 'runc is called by […], which runc answers.', 'containerd'],
    ])
    expect(compile(md).cards.map((card) => card.id.slice(-3))).toEqual(['-c1', '-c2'])
  })

  it('keeps formatting inside a deletion', () => {
    const [card] = compile('The socket is ==`/var/run/docker.sock`== by default.\n').cards
    expect([card?.answer, card?.answerHtml]).toEqual([
      '/var/run/docker.sock',
      '<p><code>/var/run/docker.sock</code></p>',
    ])
  })

  it('warns about an unclosed cloze and makes no card from it', () => {
    const deck = compile('## Oops\n\nThis ==never closes.\n')
    expect(deck.cards).toEqual([])
    expect(deck.diagnostics.find((item) => item.code === 'unclosed-cloze')).toMatchObject({
      severity: 'warning',
      line: 3,
    })
  })

  it('does not read `a == b` comparisons as clozes', () => {
    expect(compile('In shell tests, a == b compares strings.\n').cards).toEqual([])
  })
})
