import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const project = fileURLToPath(new URL('../..', import.meta.url))
const tsx = join(project, 'node_modules/tsx/dist/cli.mjs')
const root = mkdtempSync(join(tmpdir(), 'dockdeck-cli-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function run(...args: string[]) {
  const out = spawnSync(process.execPath, [tsx, join(project, 'src/cli/content.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return { code: out.status, stdout: out.stdout, stderr: out.stderr }
}

// Each test spawns the CLI once to three times, each spawn loading it through tsx: 12-30 s a spawn
// on the shared 2-core machine under load, where "writes the missing id markers once" (two
// spawns) took 54 s and 59 s against the 60 s default. The tests are steps over one folder
// (markers written once, then a sub-folder, then an error), so they keep their order.
describe('the content CLI', { timeout: 180_000, shuffle: false }, () => {
  mkdirSync(join(root, 'content/docker'), { recursive: true })
  const deckFile = join(root, 'content/docker/cli.md')
  writeFileSync(
    deckFile,
    '---\ndeck: docker\ntopic: cli\ntitle: The CLI\n---\n\n## Basics\n\n**docker ps**: lists running containers\n\nRemove a stopped container? :: docker rm\n',
  )
  writeFileSync(join(root, 'loose.md'), '# Loose\n\nWhat is <b>runc</b>? :: the OCI runtime\n')

  it('checks the same through the precompiled entry, parsing unchanged notes once', () => {
    const direct = run('check')
    const entry = () =>
      spawnSync(process.execPath, [join(project, 'src/cli/run-ts.mjs'), 'src/cli/content.ts', 'check'], {
        cwd: root,
        encoding: 'utf8',
      })
    const first = entry()
    expect(first.status).toBe(direct.code)
    expect(first.stdout).toBe(direct.stdout)
    expect(readdirSync(join(root, 'node_modules/.cache/dockdeck/parse')).length).toBeGreaterThan(0)
    expect(entry().stdout).toBe(direct.stdout)
  })

  it('exports any Markdown file as JSON and prints nothing else on stdout', () => {
    const { code, stdout } = run('export', 'loose.md', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        kind: 'basic',
        topic: 'loose',
        prompt: 'What is runc?',
        answer: 'the OCI runtime',
        source: { file: 'loose.md', line: 3, headings: ['Loose'], anchor: 'loose' },
        html: { prompt: '<p>What is runc?</p>', answer: '<p>the OCI runtime</p>' },
      },
    ])
  })

  it('checks the content folder, listing cards per file', () => {
    const { code, stdout } = run('check')
    expect(code).toBe(0)
    expect(stdout).toContain('  cli.md: 3 cards (basic 2, reverse 1)')
    expect(stdout).toContain('3 cards in 1 deck(s): 0 error(s), 0 warning(s)')
  })

  it('writes the missing id markers once', () => {
    expect(run('ids').stdout).toContain('content/docker/cli.md: 2 marker(s) added')
    const once = readFileSync(deckFile, 'utf8')
    expect(run('ids').stdout).toContain('0 marker(s) added')
    expect(readFileSync(deckFile, 'utf8')).toBe(once)
  })

  it('checks a note without front matter in a sub-folder of a deck, its topic named after its path', () => {
    mkdirSync(join(root, 'content/docker/net/.obsidian'), { recursive: true })
    writeFileSync(join(root, 'content/docker/net/ports.md'), '# Ports\n\nPublish a port? :: -p\n')
    writeFileSync(join(root, 'content/docker/net/.obsidian/app.md'), 'Not :: a note\n')
    const { code, stdout } = run('check')
    expect(code).toBe(0)
    expect(stdout).toContain('  net/ports.md: 1 cards (basic 1)')
    expect(stdout).toContain('by topic: cli 3, net-ports 1')
    expect(stdout).not.toContain('.obsidian')
  })

  it('exits 1 and names file and line when a deck has errors', () => {
    writeFileSync(join(root, 'content/docker/broken.md'), '---\ndeck: kubernetes\n---\n\nQ? :: A\n')
    const { code, stdout } = run('check')
    expect(code).toBe(1)
    expect(stdout).toContain(
      'content/docker/broken.md:1: error: front matter says `deck: kubernetes` but the file is in the `docker` deck',
    )
  })
})
