import { describe, expect, it } from 'vitest'
import { compile, shapes } from './compile'

const prompts = (markdown: string) => compile(markdown).cards.map((card) => card.prompt)
const fence = (command: string) => `\n\n\`\`\`console\n$ ${command}\n\`\`\`\n`

describe('card quality rules for real-world notes', () => {
  it('makes no type-in card from a sentence that describes a result instead of asking for a task', () => {
    const command = 'docker network create -d overlay --subnet=10.0.0.0/25 my-net'
    expect(prompts(`## Subnets\n\nEach of the subnetworks has 126 usable addresses:${fence(command)}`)).toEqual([])
    expect(
      prompts(
        `## Exit status\n\nExit code 125 indicates an error with the daemon:${fence('docker run --foo busybox')}`,
      ),
    ).toEqual([])
    const bridge = 'docker network create --driver=bridge --subnet=192.168.0.0/16 br0'
    expect(
      prompts(`## Subnets\n\nOn a bridge network br0 you can only create a single subnet:${fence(bridge)}`),
    ).toEqual([])
    expect(prompts(`## Subnets\n\nCreate the overlay network my-net with a /25 subnet.${fence(command)}`)).toEqual([
      'Create the overlay network my-net with a /25 subnet.',
    ])
  })

  it('asks for a task that opens with a phrase, a purpose or what you can do', () => {
    const md = [
      `## A\n\nOn a manager, list the nodes of the swarm.${fence('docker node ls')}`,
      `## B\n\nTo list image digest values, use the --digests flag${fence('docker images --digests')}`,
      `## C\n\nOnce swarm mode is on, you can list the services.${fence('docker service ls')}`,
      `## D\n\nHere is a command that lists the volumes:${fence('docker volume ls')}`,
    ].join('\n')
    expect(compile(md).cards.map((card) => card.answer)).toEqual([
      'docker node ls',
      'docker images --digests',
      'docker service ls',
      'docker volume ls',
    ])
  })

  it('makes no type-in card from a prompt that points at an example or names the command as "this flag"', () => {
    const command = 'docker run -a stdin -a stdout -i -t ubuntu /bin/bash'
    expect(prompts(`## Attach\n\nYou can attach to an interactive ubuntu /bin/bash, as in:${fence(command)}`)).toEqual(
      [],
    )
    expect(prompts(`## Attach\n\nRun an interactive ubuntu /bin/bash, for example:${fence(command)}`)).toEqual([])
    const groups = 'docker images --filter dangling=true'
    expect(prompts(`## Groups\n\nTo see dangling images one can use this flag:${fence(groups)}`)).toEqual([])
  })

  it('makes no card from a sentence that leans on the one before it: "Another example …", "First, …", "In other words, …"', () => {
    const btrfs = 'docker volume create --driver local --opt type=btrfs foo'
    expect(prompts('## Volumes\n\n### Btrfs\n\nAnother example uses btrfs as the backing filesystem.\n')).toEqual([])
    expect(prompts(`## Volumes\n\nIn other words, create the volume foo on btrfs:${fence(btrfs)}`)).toEqual([])
    expect(prompts('## Exec\n\n### Run docker exec\n\nFirst, start a container.\n')).toEqual([])
  })

  it('makes no type-in card from a synopsis with placeholders or from output that is not a command', () => {
    expect(
      prompts(`## Form\n\nRun a container from an image:${fence('docker run [OPTIONS] IMAGE [COMMAND]')}`),
    ).toEqual([])
    expect(prompts(`## Mount\n\nTo create a volume mount:${fence('docker volume create <VOLUME_NAME>')}`)).toEqual([])
    const output = '\n\n```console\nA volume named "hello" already exists. Choose a different name.\n```\n'
    expect(prompts(`## Names\n\nCreate a second volume called hello:${output}`)).toEqual([])
  })

  it('makes no type-in card whose answer needs an image, a name or a run mode the prompt does not ask for', () => {
    const labels = 'docker run -l my-label --label com.example.foo=bar ubuntu bash'
    expect(prompts(`## Labels\n\nTo label a container with two labels:${fence(labels)}`)).toEqual([])
    const network = 'docker network create -d bridge my-bridge-network'
    expect(prompts(`## Networks\n\nCreate a new bridge network:${fence(network)}`)).toEqual([])
    const detached = 'docker run -d nginx'
    expect(prompts(`## Run\n\nRun nginx:${fence(detached)}`)).toEqual([])
    expect(prompts(`## Run\n\nRun nginx in the background.${fence(detached)}`)).toEqual([
      'Run nginx in the background.',
    ])
    const build = 'docker build -t myapp:1.0 .'
    const kinds = (markdown: string) => compile(markdown).cards.map((card) => card.kind)
    expect(kinds(`## Build\n\nBuild myapp:1.0 from the current directory.${fence(build)}`)).toEqual(['typein'])
    const save = 'docker save myapp:latest | gzip > myapp.tar.gz'
    expect(kinds(`## Save\n\nSave myapp:latest as a gzip archive through a pipe.${fence(save)}`)).toEqual(['typein'])
    expect(prompts(`## Build\n\nBuild the image myapp:1.0:${fence(build)}`)).toEqual([])
  })

  it('reads a command typed at a container root shell without its "/ #" prompt', () => {
    const md = '## Tools\n\nInstall htop in the alpine container.\n\n```console\n/ # apk add htop\n```\n'
    expect(compile(md).cards.map((card) => card.answer)).toEqual(['apk add htop'])
  })

  it('makes no field card whose description only restates its name and its object', () => {
    const md = [
      '## Hooks',
      '',
      '* **`poststart`** (array of objects, OPTIONAL) is an array of poststart hooks.',
      '* **`timeout`** (int, OPTIONAL) is the number of seconds before aborting the hook.',
      '* **`mode`** *(string, REQUIRED)* -',
    ].join('\n')
    expect(shapes(md)).toEqual([
      ['basic', 'Hooks › timeout', 'is the number of seconds before aborting the hook (int, OPTIONAL).'],
    ])
  })

  it('makes no field card whose description is a fragment that opens with "with" ("with the same semantics as …")', () => {
    const md = [
      '## Hooks',
      '',
      "* **`path`** (string, REQUIRED) with similar semantics to execv's path.",
      "* **`args`** (array of strings, OPTIONAL) holds the arguments, as execv's argv.",
    ].join('\n')
    expect(shapes(md).map(([, prompt]) => prompt)).toEqual(['Hooks › args'])
  })

  it('makes no heading card from an FAQ or implementor note, a text about the document, a pointer or an unfinished sentence', () => {
    expect(
      prompts(
        '# Frequently Asked Questions\n\nBefore diving in, consider the following frequently asked questions about registries.\n',
      ),
    ).toEqual([])
    expect(
      prompts("## Content\n\n### Implementor's Note\n\nA copy-on-write filesystem makes snapshots cheap.\n"),
    ).toEqual([])
    expect(prompts('## Layers\n\n### Changesets\n\nThis section specifies applying an entry.\n')).toEqual([])
    expect(
      prompts('## Spec\n\n### Conformance\n\nFor more information on conformance, please see the README.\n'),
    ).toEqual([])
    expect(prompts('## Spec\n\n### Referrers\n\nNote: this feature was added in 1.1.\n')).toEqual([])
    expect(prompts('## Glossary\n\n### Docker\n\nThe term Docker can refer to\n')).toEqual([])
    expect(prompts('## Spec\n\n### Referrers\n\nReferrers list the manifests that point at a subject.\n')).toEqual([
      'Spec › Referrers',
    ])
  })
})
