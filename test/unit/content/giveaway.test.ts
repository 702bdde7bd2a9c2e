import { describe, expect, it } from 'vitest'
import { givesAway } from '../../../src/content/giveaway'

describe('givesAway', () => {
  it('finds a word of the answer in the prompt, in any order and number', () => {
    expect(givesAway('Outcomes of the build cache › which term? the builder reuses a result', 'cache hit')).toBe(true)
    expect(givesAway('which term? hold data that outlives containers', 'Volumes')).toBe(false)
    expect(givesAway('which term? lists the registries a client knows', 'registry')).toBe(true)
  })

  it('treats a short flag and its long name as one word', () => {
    expect(givesAway('which term? mounts a volume into the container', '-v')).toBe(true)
    expect(givesAway('which term? the same as -v', '--volume')).toBe(true)
    expect(givesAway('which term? keeps STDIN open and gives a terminal', '-p')).toBe(false)
  })

  it('counts a word the prompt begins with it, either way round', () => {
    expect(givesAway('which term? sets an environment variable', 'ENV')).toBe(true)
    expect(givesAway('which term? the client that talks to dockerd', 'docker')).toBe(true)
    expect(givesAway('which term? a container runtime daemon', 'containerd')).toBe(true)
    expect(givesAway('which term? the account used by later instructions', 'USER')).toBe(false)
  })

  it('counts abbreviations and what they stand for', () => {
    expect(givesAway('which term? the operating system type', 'OSType')).toBe(true)
    expect(givesAway('which term? sends to a Graylog Extended Log Format endpoint', 'gelf')).toBe(true)
    expect(givesAway('OCI › which term? defines the image format', 'Open Container Initiative')).toBe(true)
    expect(givesAway('which term? isolates the hostname and the NIS domain name', 'UTS')).toBe(false)
  })

  it('reads the context line shown before the prompt', () => {
    expect(givesAway('Storage drivers › which term? preferred on current distributions', 'overlay2 driver')).toBe(true)
    expect(givesAway('Storage drivers › which term? preferred on current distributions', 'overlay2')).toBe(false)
  })

  it('ignores small words unless the answer is nothing else', () => {
    expect(givesAway('which term? the default of the policy', 'on-failure')).toBe(false)
    expect(givesAway('which term? there is no restart', 'no')).toBe(true)
  })
})
