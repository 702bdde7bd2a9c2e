import { describe, expect, it } from 'vitest'
import type { CompiledCard } from '../../content/types'
import { answerForm, definesNamedTerm, isVariant, isYesNo } from './answer-form'
import { buildMcq } from './build-choice'
import { UnsupportedCardError } from './errors'
import { card } from './fixtures'
import { createRng } from './rng'

const wrongOf = (target: CompiledCard, pool: CompiledCard[]) => {
  const q = buildMcq(target, pool, createRng('x'))
  return q.options.filter((o) => o.id !== q.answerOptionId).map((o) => o.text)
}

describe('answer forms', () => {
  it('tells yes/no answers, numbers, terms, fragments and sentences apart', () => {
    expect(answerForm('No. It only prints the client version.')).toBe('yes-no')
    expect(answerForm('Yes, with docker network connect.')).toBe('yes-no')
    expect(answerForm('No limit on the number of processes.')).toBe('sentence')
    expect(answerForm('1024; a relative weight.')).toBe('number')
    expect(answerForm('containerd-shim')).toBe('term')
    expect(answerForm('isolates the hostname and the NIS domain name.')).toBe('fragment')
    expect(isYesNo('Nothing at all.')).toBe(false)
  })

  it('sees a longer form of a term as a variant, but not a different version', () => {
    expect(isVariant('containerd-shim', 'containerd-shim-runc-v2')).toBe(true)
    expect(isVariant('Linux 4.5', 'Linux 5.6')).toBe(false)
    expect(isVariant('overlay', 'overlay2')).toBe(false)
  })

  it('finds a term card whose term the question names, ignoring the heading path', () => {
    const question = card({ id: 'q', prompt: 'How does a DiffID differ from a layer digest?', answer: 'x y z.' })
    const diffId = card({ id: 'd', prompt: 'Image parts › DiffID', answer: 'the digest of the uncompressed tar.' })
    expect(definesNamedTerm(question, diffId)).toBe(true)
    const v1 = card({ id: 'v1', prompt: 'cgroup v1 and cgroup v2 › cgroup v1', answer: 'the original design.' })
    const v2 = card({ id: 'v2', prompt: 'cgroup v1 and cgroup v2 › cgroup v2', answer: 'the unified hierarchy.' })
    expect(definesNamedTerm(v1, v2)).toBe(false)
  })
})

describe('choice items and answer forms', () => {
  const definitions = ['isolates process IDs.', 'isolates mount points.', 'isolates host names.', 'isolates users.']

  it('refuses a card answered yes or no', () => {
    const pool = definitions.map((answer, i) => card({ id: `d${i}`, answer }))
    const closed = card({ id: 'yn', prompt: 'Does runc stay running?', answer: 'No. It exits after start.' })
    expect(() => buildMcq(closed, [closed, ...pool], createRng('x'))).toThrow(UnsupportedCardError)
  })

  it('never offers a yes/no answer as a wrong answer', () => {
    const pool = definitions.map((answer, i) => card({ id: `d${i}`, prompt: `Namespace types › type ${i}`, answer }))
    const closed = ['No. It exits.', 'Yes. It does.', 'No, only by IP.'].map((answer, i) =>
      card({ id: `y${i}`, answer }),
    )
    const wrong = wrongOf(pool[0] as CompiledCard, [...pool, ...closed])
    expect(wrong.some(isYesNo)).toBe(false)
  })

  it('drops the definition of a term that the right answer names', () => {
    const ask = { prompt: 'How do most users talk to Docker?', answer: 'Through the docker CLI.', group: 'g' }
    const target = card({ id: 't', ...ask })
    const cli = card({ id: 'cli', prompt: 'Engine › docker CLI', answer: 'The command-line client.', group: 'g' })
    // Replies to questions of the same kind, about the same thing (users talking to Docker).
    const others = [
      'Users send REST calls over a socket.',
      'Users make gRPC calls to containerd.',
      'Users talk to the shim.',
    ]
    const pool = [
      target,
      cli,
      ...others.map((answer, i) =>
        card({ id: `o${i}`, prompt: `How do users reach Docker, way ${i}?`, answer, group: 'h' }),
      ),
    ]
    expect(wrongOf(target, pool)).not.toContain(cli.answer)
  })

  it('prefers wrong answers in the form of the right one within the topic', () => {
    const target = card({
      id: 't',
      prompt: 'Namespace types › network',
      answer: 'isolates network devices and ports.',
      group: 'g',
    })
    const sentences = ['It runs runc.', 'The client section.', 'A soft limit.'].map((answer, i) =>
      card({ id: `s${i}`, answer, group: 'g' }),
    )
    const fragments = definitions.slice(0, 3).map((answer, i) => card({ id: `f${i}`, answer, group: 'h' }))
    expect(wrongOf(target, [target, ...sentences, ...fragments]).sort()).toEqual(definitions.slice(0, 3).sort())
  })

  it('prefers wrong answers about what the question asks', () => {
    const ask = {
      prompt: 'How does docker pause suspend the processes?',
      answer: 'With the freezer cgroup.',
      group: 'g',
    }
    const target = card({ id: 't', ...ask })
    const offTopic = ['With a base image.', 'Through the REST API.', 'By the OOM killer.'].map((answer, i) =>
      card({ id: `o${i}`, prompt: `How does step ${i} happen?`, answer, group: 'g' }),
    )
    const onTopic = [
      'It sends SIGSTOP to the processes.',
      'It cannot pause them on Linux.',
      'The daemon will suspend the shim.',
    ]
    const relevant = onTopic.map((answer, i) =>
      card({ id: `r${i}`, prompt: `How does case ${i} work?`, answer, group: 'h' }),
    )
    expect(wrongOf(target, [target, ...offTopic, ...relevant]).sort()).toEqual([...onTopic].sort())
  })

  it('keeps a basic card answered with a docker command among commands', () => {
    const target = card({ id: 't', answer: 'docker plugin ls' })
    const prose = definitions.map((answer, i) => card({ id: `p${i}`, answer }))
    const commands = ['docker ps -a', 'docker volume prune', 'docker node ls'].map((answer, i) =>
      card({ id: `k${i}`, answer, kind: 'typein' }),
    )
    expect(wrongOf(target, [target, ...prose, ...commands]).every((text) => text.startsWith('docker '))).toBe(true)
  })
})
