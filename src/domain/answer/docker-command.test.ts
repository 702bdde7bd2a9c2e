import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareAnswer } from './compare'
import { dockerCommandKey, shellWords } from './docker-command'

const asCommand = { caseSensitive: true, command: true }

/** [typed, expected, accepted?]: how a Docker user would grade each. */
const cases: [string, string, boolean][] = [
  // short and long flags
  ['docker run -d nginx', 'docker run --detach nginx', true],
  ['docker run -p 8080:80 nginx', 'docker run --publish 8080:80 nginx', true],
  ['docker rm -f web', 'docker rm --force web', true],
  ['docker logs -f web', 'docker logs --follow web', true],
  ['docker build -t app .', 'docker build --tag app .', true],
  // flag order
  ['docker run --rm -it ubuntu', 'docker run -it --rm ubuntu', true],
  ['docker run -p 80:80 --name web nginx', 'docker run --name web -p 80:80 nginx', true],
  // combined short flags
  ['docker run -i -t ubuntu', 'docker run -it ubuntu', true],
  ['docker run -itd ubuntu', 'docker run -d -i -t ubuntu', true],
  ['docker run -p8080:80 nginx', 'docker run -p 8080:80 nginx', true],
  // = or space for values
  ['docker run --name=web nginx', 'docker run --name web nginx', true],
  ['docker run --memory=512m nginx', 'docker run -m 512m nginx', true],
  // quoting
  ["docker ps --format '{{.Names}}'", 'docker ps --format "{{.Names}}"', true],
  ['docker ps --format {{.Names}}', "docker ps --format '{{.Names}}'", true],
  // management-command aliases
  ['docker ps', 'docker container ls', true],
  ['docker container list', 'docker ps', true],
  ['docker container ps -a', 'docker ps --all', true],
  ['docker images', 'docker image ls', true],
  ['docker image list', 'docker images', true],
  ['docker rmi nginx', 'docker image rm nginx', true],
  ['docker image remove nginx', 'docker rmi nginx', true],
  ['docker inspect web', 'docker container inspect web', true],
  ['docker info', 'docker system info', true],
  ['docker container run -d nginx', 'docker run -d nginx', true],
  ['docker network list', 'docker network ls', true],
  // case of the command word
  ['Docker PS -a', 'docker ps -a', true],
  ['DOCKER Container LS', 'docker ps', true],
  // still wrong: what the CLI reads differently
  ['docker run -D nginx', 'docker run -d nginx', false],
  ['docker run nginx', 'docker run -d nginx', false],
  ['docker run -d nginx', 'docker run -d httpd', false],
  ['docker run -p 80:8080 nginx', 'docker run -p 8080:80 nginx', false],
  ['docker ps', 'docker ps -a', false],
  ['docker images', 'docker ps', false],
  ['docker run -it ubuntu bash -l', 'docker run -it ubuntu bash -c', false],
  // flags after the image belong to the command inside the container
  ['docker run ubuntu ls -a', 'docker run -a ubuntu ls', false],
  ['docker run --name Web nginx', 'docker run --name web nginx', false],
  ['docker build -t app', 'docker build -t app .', false],
  ["docker ps --format '{{.Names}}", 'docker ps --format "{{.Names}}"', false],
]

describe('dockerCommandKey', () => {
  it.each(cases)('grades %j against %j as %s', (typed, expected, accepted) => {
    expect(compareAnswer(typed, expected, asCommand).correct).toBe(accepted)
  })

  it('accepts any line of an answer that lists alternatives, and shows the first', () => {
    const expected = 'docker container ls --all\ndocker ps -a'
    expect(compareAnswer('docker ps -a', expected, asCommand).correct).toBe(true)
    const wrong = compareAnswer('docker ps', expected, asCommand)
    expect(wrong.correct).toBe(false)
    expect(wrong.diff.map((part) => (part.op === 'add' ? '' : part.text)).join('')).toBe('docker container ls --all')
  })

  it('takes every line as an alternative only for commands', () => {
    expect(compareAnswer('first line', 'first line\nsecond line').correct).toBe(false)
  })

  it('is no command for text that does not start with docker', () => {
    expect(dockerCommandKey('podman ps')).toBeUndefined()
    expect(dockerCommandKey('ls -la')).toBeUndefined()
  })

  it('splits words like a shell: quotes group, backslashes escape, an open quote is no command', () => {
    expect(shellWords(`a "b c" 'd "e"' f\\ g`)).toEqual(['a', 'b c', 'd "e"', 'f g'])
    expect(shellWords('a "b')).toBeUndefined()
  })

  it('gives the same key whatever the order of the flags before the image', () => {
    const flags = ['-d', '--rm', '-p 80:80', '--name web', '-e A=1', '-v data:/data']
    fc.assert(
      fc.property(fc.shuffledSubarray(flags, { minLength: 1 }), fc.nat(), (chosen, seed) => {
        const other = [...chosen].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7))
        return (
          dockerCommandKey(`docker run ${chosen.join(' ')} nginx`) ===
          dockerCommandKey(`docker run ${other.join(' ')} nginx`)
        )
      }),
      { seed: 16, numRuns: 200 },
    )
  })
})
