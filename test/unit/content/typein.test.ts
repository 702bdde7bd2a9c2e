import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

describe('typein cards', () => {
  it('asks for the command with the sentence that introduces it', () => {
    const md =
      '## Ports\n\nPorts are published with -p. Run nginx publishing port 8080 to 80:\n\n```sh\ndocker run -p 8080:80 nginx\n```\n'
    expect(shapes(md)).toEqual([['typein', 'Run nginx publishing port 8080 to 80', 'docker run -p 8080:80 nginx']])
    expect(compile(md).cards[0]?.answerHtml).toBe('<p><code>docker run -p 8080:80 nginx</code></p>')
  })

  it('accepts bash, shell and console blocks and drops a leading `$ `', () => {
    const block = (lang: string, body: string) =>
      `## Info\n\nPrint system-wide information about Docker.\n\n\`\`\`${lang}\n${body}\n\`\`\`\n`
    expect(compile(block('bash', 'docker info')).cards[0]?.answer).toBe('docker info')
    expect(compile(block('shell', '$ docker info')).cards[0]?.answer).toBe('docker info')
    expect(compile(block('console', '$ docker info\nContainers: 3\nImages: 7')).cards[0]?.answer).toBe('docker info')
  })

  it('lists the accepted alternatives given as `# or:` comments, one command per answer line', () => {
    const md =
      '## List\n\nList every container, running or stopped.\n\n```sh\ndocker container ls --all\n# or: docker ps -a\n```\n'
    const card = compile(md).cards[0]
    expect(card?.answer).toBe('docker container ls --all\ndocker ps -a')
    expect(card?.answerHtml).toBe('<p><code>docker container ls --all</code></p>\n<p><code>docker ps -a</code></p>')
  })

  it('joins backslash continuations into one command', () => {
    const md =
      '## Run\n\nRun redis in the background on the network mynet.\n\n```sh\ndocker run -d \\\n  --network mynet redis\n```\n'
    expect(compile(md).cards[0]?.answer).toBe('docker run -d --network mynet redis')
  })

  it('makes no card from several commands, another language, or a bare "For example:"', () => {
    const md = [
      '## Not typein',
      '',
      'Start then stop the container web.',
      '',
      '```sh\ndocker start web\ndocker stop web\n```',
      '',
      'Print the version of Docker.',
      '',
      '```python\nprint(docker.version())\n```',
      '',
      'For example:',
      '',
      '```bash\ndocker run --help\n```',
    ].join('\n')
    expect(compile(md).cards).toEqual([])
  })
})
