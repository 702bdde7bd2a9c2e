import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

describe('explicit cards', () => {
  it('reads `Question :: Answer` as written, without heading context', () => {
    expect(shapes('## Daemon\n\nDefault config file of dockerd? :: /etc/docker/daemon.json\n')).toEqual([
      ['basic', 'Default config file of dockerd?', '/etc/docker/daemon.json'],
    ])
  })

  it('makes a reverse card from `Question ::: Answer`', () => {
    expect(shapes('Port of the unencrypted daemon socket ::: 2375\n')).toEqual([
      ['basic', 'Port of the unencrypted daemon socket', '2375'],
      ['reverse', '2375', 'Port of the unencrypted daemon socket'],
    ])
  })

  it('reads a question, a `?` line and the answer up to the blank line', () => {
    const md = 'Which two kernel features isolate containers?\n?\nNamespaces\nand cgroups\n\nNext paragraph.\n'
    const [card] = compile(md).cards
    expect([card?.kind, card?.prompt, card?.answer]).toEqual([
      'basic',
      'Which two kernel features isolate containers?',
      'Namespaces and cgroups',
    ])
    expect(card?.answerHtml).toBe('<p>Namespaces<br>\nand cgroups</p>')
  })

  it('takes the block right below a `?` line as the answer', () => {
    const md = 'Name two union filesystems\n?\n- OverlayFS\n- AUFS\n'
    const [card] = compile(md).cards
    expect([card?.prompt, card?.answer]).toEqual(['Name two union filesystems', '- OverlayFS\n- AUFS'])
  })

  it('reports an empty answer or question as an error naming the line', () => {
    const deck = compile('## Q\n\nWhat is runc? ::\n\n:: an answer without a question\n')
    expect(deck.cards).toEqual([])
    const errors = deck.diagnostics.filter((item) => item.severity === 'error')
    expect(errors.map((item) => [item.severity, item.code, item.line])).toEqual([
      ['error', 'empty-answer', 3],
      ['error', 'empty-prompt', 5],
    ])
  })

  it('leaves `::` without spaces alone (C++ scopes, Anki clozes)', () => {
    expect(compile('Use std::vector for this.\n').cards).toEqual([])
  })

  it('works in list items and keeps inline formatting in the HTML', () => {
    const [card] = compile('- Flag that removes the container on exit? :: `--rm` #run\n').cards
    expect([card?.answer, card?.answerHtml, card?.tags]).toEqual(['--rm', '<p><code>--rm</code></p>', ['run']])
  })
})
