import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

describe('bold-term definitions', () => {
  it('turns `**Term**: definition` into a basic card prompted with its heading', () => {
    const md = '## Components\n\n**dockerd**: the daemon that manages containers and images for its clients.\n'
    expect(shapes(md)).toEqual([
      ['basic', 'Components › dockerd', 'the daemon that manages containers and images for its clients.'],
      ['reverse', 'Components › which term? the daemon that manages containers and images for its clients.', 'dockerd'],
    ])
  })

  it('accepts an en dash, an em dash, a spaced hyphen and a colon inside the bold', () => {
    const md = [
      '## Tools',
      '',
      '- **runc** – spawns containers from an OCI bundle',
      '- **ctr** — a debugging client for containerd',
      '- **nerdctl** - a Docker-compatible client for containerd',
      '- **buildkitd:** the BuildKit build daemon',
    ].join('\n')
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => [card.prompt, card.answer])).toEqual([
      ['Tools › runc', 'spawns containers from an OCI bundle'],
      ['Tools › ctr', 'a debugging client for containerd'],
      ['Tools › nerdctl', 'a Docker-compatible client for containerd'],
      ['Tools › buildkitd', 'the BuildKit build daemon'],
    ])
  })

  it('makes no reverse card when the definition names the term or runs over 30 words', () => {
    const long = Array.from({ length: 31 }, (_, index) => `word${index}`).join(' ')
    const md = `## Glossary\n\n- **Volume**: a volume keeps data after the container is gone\n- **Layer**: ${long}\n`
    const kinds = compile(md).cards.map((card) => card.kind)
    expect(kinds.filter((kind) => kind !== 'enumeration')).toEqual(['basic', 'basic'])
  })

  it('takes the definition from the first paragraph or list item below a lone bold term', () => {
    const md = [
      '# Engine',
      '',
      '1. **Docker Daemon (dockerd)**:',
      '   - The Docker daemon (dockerd) runs in the background and manages containers.',
      '   - It listens for API requests.',
      '2. **Namespaces**:',
      '',
      '   Namespaces give each process its own view of the system.',
    ].join('\n')
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => [card.prompt, card.answer])).toEqual([
      [
        'Engine › Docker Daemon (dockerd)',
        'The Docker daemon (dockerd) runs in the background and manages containers.',
      ],
      ['Engine › Namespaces', 'Namespaces give each process its own view of the system.'],
    ])
  })

  it('prompts a nested term with its parent term as context', () => {
    const md =
      '## Components\n\n- **runc**:\n  - **Isolation**: sets up namespaces and cgroups for the container\n  - **Execution**: starts the container process\n'
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => card.prompt)).toEqual(['runc › Isolation', 'runc › Execution'])
  })

  it('uses the noun phrase introducing a list as the context of its terms', () => {
    const md =
      '## containerd\n\nFeatures containerd leaves to other systems:\n\n- **Networking**: creating network interfaces\n- **Build**: building images\n'
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => card.prompt)).toEqual([
      'Features containerd leaves to other systems › Networking',
      'Features containerd leaves to other systems › Build',
    ])
  })

  it('skips a context that is the term itself and keeps a giveaway context off the reverse card', () => {
    const md = '# Engine\n\n## containerd\n\n**containerd**: a runtime daemon that manages image transfer and storage\n'
    expect(shapes(md)).toEqual([
      ['basic', 'Engine › containerd', 'a runtime daemon that manages image transfer and storage'],
      ['reverse', 'Engine › which term? a runtime daemon that manages image transfer and storage', 'containerd'],
    ])
  })

  it('makes no reverse card whose definition gives a word of the term away, in any spelling', () => {
    const md = [
      '## Options',
      '',
      '- **-v**: mounts a volume into the container',
      '- **ENV**: sets an environment variable',
      '- **docker**: the client of dockerd',
      '- **cache hit**: the builder reuses a result from its cache',
      '- **WORKDIR**: sets the directory later instructions run in',
      '',
    ].join('\n')
    const reverse = compile(md).cards.filter((card) => card.kind === 'reverse')
    expect(reverse.map((card) => card.answer)).toEqual(['WORKDIR'])
  })

  it('leaves off a context line that gives the term away, keeping the next one that does not', () => {
    const md = '## Build cache\n\n### Outcomes of the cache\n\n**cache hit**: the builder reuses an earlier result\n'
    const reverse = compile(md).cards.filter((card) => card.kind === 'reverse')
    expect(reverse.map((card) => card.prompt)).toEqual(['Which term? the builder reuses an earlier result'])
  })

  it('makes no card whose answer only repeats its term', () => {
    const md = [
      'Fields that describe the host:',
      '',
      '- **Total Memory**: the total memory of the host.',
      '- **Kernel Version**: the release of the kernel, as `uname -r` prints it.',
      '- **Build**: building images.',
      '',
    ].join('\n')
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => card.answer)).toEqual([
      'the release of the kernel, as uname -r prints it.',
      'building images.',
    ])
  })

  it('reads an inline-code term and a list of plain `Name: text` items', () => {
    const md = [
      '## Syntax',
      '',
      '- `OPTIONS`: flags that change how the command runs',
      '',
      '## Info fields',
      '',
      '* Go version: the Go release used to build Docker.',
      '* Git commit: the commit that Docker was built from.',
    ].join('\n')
    const basics = compile(md).cards.filter((card) => card.kind === 'basic')
    expect(basics.map((card) => [card.prompt, card.answer])).toEqual([
      ['Syntax › OPTIONS', 'flags that change how the command runs'],
      ['Info fields › Go version', 'the Go release used to build Docker.'],
      ['Info fields › Git commit', 'the commit that Docker was built from.'],
    ])
    expect(basics[0]?.promptHtml).toBe('<p>Syntax › <strong><code>OPTIONS</code></strong></p>')
  })

  it('does not read prose with a colon or a bold lead-in such as **Note** as a term', () => {
    const md = '## Tips\n\nRemember this: containers are processes.\n\n**Note**: this is not a definition.\n'
    expect(compile(md).cards).toEqual([])
  })

  it('makes a sequence card when the definition is an arrow chain', () => {
    const md = '## Pulls\n\n- **Pull path**: registry → containerd → snapshotter\n'
    expect(shapes(md)).toEqual([
      [
        'sequence',
        'Put in order (Pull path): snapshotter, containerd, registry',
        'registry → containerd → snapshotter',
      ],
    ])
  })

  it('warns about a lone bold term with nothing below it', () => {
    const deck = compile('## Specs\n\n1. **Runtime Spec**: how to run a bundle\n2. **Distribution Spec**:\n')
    expect(deck.diagnostics.map((item) => [item.code, item.line])).toEqual([['term-without-definition', 4]])
  })

  it('takes #tags from the end of the line', () => {
    const [card] = compile('## Tags\n\n**overlay2**: the default storage driver #storage #linux\n').cards
    expect([card?.answer, card?.tags]).toEqual(['the default storage driver', ['storage', 'linux']])
  })
})
