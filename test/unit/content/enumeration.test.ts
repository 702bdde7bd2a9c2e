import { describe, expect, it } from 'vitest'
import { only } from './compile'

const members = (names: string[]) => names.map((name) => `- **${name}**: what ${name} does to processes`).join('\n')

describe('enumeration cards', () => {
  it('names the set from an introduction ending in "consist of:"', () => {
    const md = `## Namespaces\n\nThe isolated process views consist of:\n\n${members(['PID', 'Network', 'Mount'])}\n`
    const [card] = only(md, 'enumeration')
    expect([card?.prompt, card?.answer]).toEqual(['Name the 3 isolated process views', '- PID\n- Network\n- Mount'])
    expect(card?.answerHtml).toBe('<ul>\n<li>PID</li>\n<li>Network</li>\n<li>Mount</li>\n</ul>')
  })

  it('asks for no open list: "include:", "such as:", "common …" name examples, not all', () => {
    for (const intro of [
      'Some common types of namespaces include:',
      'Namespaces such as:',
      'Common cgroup controllers used for containers:',
    ])
      expect(
        only(`## Namespaces\n\n${intro}\n\n${members(['PID', 'Network', 'Mount'])}\n`, 'enumeration'),
        intro,
      ).toEqual([])
  })

  it('asks for no field list ("Each entry has the following structure:") and no list over 7 names', () => {
    const structure = `## Devices\n\nEach entry has the following structure:\n\n${members(['major', 'minor', 'rate'])}\n`
    const eight = ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']
    const seven = eight.slice(0, 7)
    expect(only(structure, 'enumeration')).toEqual([])
    expect(only(`## Kernel\n\nThe namespace types:\n\n${members(eight)}\n`, 'enumeration')).toEqual([])
    expect(only(`## Kernel\n\nThe namespace types:\n\n${members(seven)}\n`, 'enumeration')).toHaveLength(1)
  })

  it('uses a noun-phrase introduction as it stands, numbers included', () => {
    const a = only(
      `## Daemon\n\nJobs that dockerd handles itself:\n\n${members(['Images', 'Volumes'])}\n`,
      'enumeration',
    )
    const b = only(`## Kernel\n\nLinux has eight namespace types:\n\n${members(['PID', 'UTS'])}\n`, 'enumeration')
    expect([a[0]?.prompt, b[0]?.prompt]).toEqual([
      'Name the 2 jobs that dockerd handles itself',
      'Name the 2 namespace types',
    ])
  })

  it('asks with a full-sentence introduction', () => {
    const md = `## Engine\n\nDocker Engine is made of three parts:\n\n${members(['dockerd', 'API', 'CLI'])}\n`
    expect(only(md, 'enumeration')[0]?.prompt).toBe('Docker Engine is made of three parts: name all 3')
  })

  it('falls back to the heading for the first list of a section and keeps the source order', () => {
    const md = `## Runtime lifecycle\n\n1. **create**: sets up the container\n2. **start**: runs the process\n3. **delete**: removes it\n`
    const [card] = only(md, 'enumeration')
    expect([card?.prompt, card?.answer, card?.source.line]).toEqual([
      'Name the 3 items under “Runtime lifecycle”',
      '- create\n- start\n- delete',
      1,
    ])
    expect(card?.answerHtml.startsWith('<ol>')).toBe(true)
  })

  it('makes no card from a glossary whose heading names a member, or a label naming them all', () => {
    expect(only(`## Images\n\n${members(['image', 'layer', 'tag'])}\n`, 'enumeration')).toEqual([])
    expect(only(`## Tags and digests\n\n${members(['tag', 'digest'])}\n`, 'enumeration')).toEqual([])
  })

  it('needs 2 to 12 members that all start in bold', () => {
    const thirteen = Array.from({ length: 13 }, (_, index) => `n${index}`)
    expect(only(`## One\n\n${members(['solo'])}\n`, 'enumeration')).toEqual([])
    expect(only(`## Many\n\n${members(thirteen)}\n`, 'enumeration')).toEqual([])
    expect(only('## Mixed\n\n- **a**: first thing\n- plain item\n', 'enumeration')).toEqual([])
  })

  it('names a nested list after the lone term that introduces it', () => {
    const md =
      '## Components\n\n- **runc**:\n  - **Isolation**: sets up namespaces\n  - **Execution**: starts the process\n'
    expect(only(md, 'enumeration').map((card) => card.prompt)).toEqual(['Name the 2 items under “runc”'])
  })
})
