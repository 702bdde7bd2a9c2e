import { describe, expect, it } from 'vitest'
import { terms } from './fixtures'
import { dice, nearEqual, shapeDistance, similarShape } from './similarity'

describe('nearEqual', () => {
  it.each([
    ['equal after normalisation', 'Docker Swarm.', 'docker swarm', true],
    ['one containing the other as words', 'docker ps', 'docker ps -a', true],
    ['spelled almost alike', 'healthcheck', 'health-check', true],
    ['empty', '', 'swarm', true],
    ['a word inside another word only', 'run', 'prune', false],
    ['different commands', 'docker image ls', 'docker volume ls', false],
  ])('treats answers %s as %s', (_why, a, b, near) => {
    expect(nearEqual(a, b)).toBe(near)
  })

  it('holds no pair of the test vocabulary near-equal', () => {
    for (const a of terms) for (const b of terms) if (a !== b) expect(nearEqual(a, b), `${a} ~ ${b}`).toBe(false)
  })
})

describe('dice', () => {
  it('counts shared bigrams over all bigrams', () => {
    expect(dice('night', 'nacht')).toBeCloseTo(0.25)
    expect(dice('ab', 'ab')).toBe(1)
    expect(dice('a', 'b')).toBe(0)
  })
})

describe('shapeDistance', () => {
  it('puts a one-word term far from a forty-word definition', () => {
    expect(shapeDistance('swarm', 'word '.repeat(40))).toBeGreaterThan(similarShape)
    expect(shapeDistance('swarm', 'overlay network')).toBeLessThanOrEqual(similarShape)
  })
})
