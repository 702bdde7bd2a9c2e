import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

describe('sequence cards', () => {
  it('reads a chain alone on a line, labelled by the paragraph introducing it', () => {
    const md = '## Runtime\n\nThe status values a container goes through:\n\ncreating → created → running → stopped\n'
    expect(shapes(md)).toEqual([
      [
        'sequence',
        'Put in order (The status values a container goes through): running, created, creating, stopped',
        'creating → created → running → stopped',
      ],
    ])
  })

  it('accepts `->` and chains in list items, labelled by the heading', () => {
    const md = '## Build\n\n- write -> build -> push\n'
    expect(shapes(md)).toEqual([['sequence', 'Put in order (Build): push, write, build', 'write → build → push']])
  })

  it('never shows the steps in the answer order', () => {
    for (const chain of ['a → b → c', 'one → two → three → four', 'x -> y -> z']) {
      const [card] = compile(`## S\n\n${chain}\n`).cards
      const shown = card?.prompt.replace(/^Put in order \(S\): /, '')
      expect(shown).not.toBe(card?.answer.replace(/ → /g, ', '))
    }
  })

  it('reads a vertical diagram in a fenced block and keeps an edge label in the answer', () => {
    const md =
      '## Calls\n\n```\nDocker client\n    |\n(via REST API)\n    v\nDocker daemon\n    |\n    v\ncontainerd\n    |\n    v\n  runc\n```\n'
    expect(shapes(md)).toEqual([
      [
        'sequence',
        'Put in order (Calls): runc, containerd, Docker client, Docker daemon',
        'Docker client (via REST API) → Docker daemon → containerd → runc',
      ],
    ])
  })

  it('ignores two-step chains, long prose with arrows, `-->` and fenced blocks with a language', () => {
    const md = [
      '## Not sequences',
      '',
      'a → b',
      '',
      'When the daemon starts it reads the configuration file and then → it starts every container → done',
      '',
      'a --> b --> c',
      '',
      '```text\na -> b -> c\n```',
    ].join('\n')
    expect(compile(md).cards).toEqual([])
  })
})
