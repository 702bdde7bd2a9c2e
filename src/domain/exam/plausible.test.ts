import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../content/load'
import { answerType } from './answer-type'
import { buildMcq } from './build-choice'
import { choiceKinds, pickDistractors } from './distractors'
import { NotEnoughDistractorsError, UnsupportedCardError } from './errors'
import { card } from './fixtures'
import { createRng } from './rng'
import { questionStem } from './stem'

const runs = { seed: 16, numRuns: 200 }

/** Answers of every type the type rule tells apart, several of each. */
const typed: Record<string, string[]> = {
  'version:linux': ['Linux 3.8', 'Linux 4.5', 'Linux 4.15', 'Linux 5.2'],
  'version:docker': ['Docker 0.9 (March 2014)', 'Docker Engine 1.11 (2016)', 'Docker 20.10'],
  'constant:CLONE': ['CLONE_NEWNS', 'CLONE_NEWPID', 'CLONE_NEWNET', 'CLONE_NEWUTS'],
  'constant:DOCKER': ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG'],
  flag: ['--detach', '-p, --publish', '--memory-swap', '--pids-limit'],
  command: ['docker ps -a', 'docker image ls', 'docker volume prune', 'docker network ls'],
  endpoint: ['GET /v2/<name>/tags/list', 'PUT /v2/<name>/manifests/<reference>', 'HEAD /v2/<name>/blobs/<digest>'],
  instruction: ['SHELL ["powershell", "-command"]', 'COPY --from=build /bin/hello /bin/hello', 'HEALTHCHECK NONE.'],
  json: ['null', '"no-new-privileges": true', '{"debug": true}'],
  message: [
    '"Swarm is encrypted and needs to be unlocked"',
    '"no suitable node (scheduling constraints not satisfied)"',
  ],
  quantity: ['At least 65,536.', '4789/udp', '30 seconds'],
  path: [
    '/etc/subuid and /etc/subgid',
    '~/.docker/ca.pem, ~/.docker/cert.pem and ~/.docker/key.pem.',
    '/var/lib/docker',
  ],
  text: ['containerd', 'runc', 'the writable container layer', 'copy-on-write', 'a namespace'],
}
const allAnswers = Object.entries(typed).flatMap(([type, answers]) => answers.map((answer) => ({ type, answer })))

const mixedDeck = fc
  .array(
    fc.record({
      pick: fc.constantFrom(...allAnswers),
      group: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom('basic' as const, 'reverse' as const),
    }),
    { minLength: 2, maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i) => card({ id: `c${i}`, answer: r.pick.answer, kind: r.kind, group: `images#${r.group}` })),
  )

describe('plausible wrong options', () => {
  it('tells the answer types apart', () => {
    for (const [type, answers] of Object.entries(typed))
      for (const answer of answers) expect(answerType({ kind: 'basic', answer }), answer).toBe(type)
    expect(answerType({ kind: 'basic', answer: 'docker CLI' })).toBe('text')
  })

  it('takes wrong options of the answer’s own type only: no syscall constant among kernel versions', () => {
    fc.assert(
      fc.property(mixedDeck, fc.nat(), (deck, seed) => {
        const target = deck[seed % deck.length] as (typeof deck)[number]
        const wrong = pickDistractors(target, deck, 3, createRng(String(seed)))
        return wrong.every((other) => answerType(other) === answerType(target))
      }),
      runs,
    )
  })

  it('gives a bare name only other names written alike and asked alike: no `tasks.web` among capability values', () => {
    const answers = fc.constantFrom('ALL', 'NONE', 'AUDIT', 'docker-default', 'tasks.web', 'aa-status', 'unconfined')
    const things = fc.constantFrom('profile', 'key', 'driver')
    const style = (text: string) => (/^[a-z0-9_.:/-]+$/.test(text) ? 'identifier' : 'caps')
    const deck = fc
      .array(fc.record({ answer: answers, thing: things, group: fc.constantFrom('a', 'b') }), {
        minLength: 2,
        maxLength: 24,
      })
      .map((rows) =>
        rows.map((r, i) =>
          card({
            id: `c${i}`,
            prompt: `Which ${r.thing} does Docker use for case ${i}?`,
            answer: r.answer,
            group: `security#${r.group}`,
          }),
        ),
      )
    fc.assert(
      fc.property(deck, fc.nat(), (cards, seed) => {
        const target = cards[seed % cards.length] as (typeof cards)[number]
        const thing = /Which (\w+)/.exec(target.prompt)?.[1]
        return pickDistractors(target, cards, 3, createRng(String(seed))).every(
          (other) => style(other.answer) === style(target.answer) && /Which (\w+)/.exec(other.prompt)?.[1] === thing,
        )
      }),
      runs,
    )
  })

  it('answers a question only with replies to the same kind of question, in its topic: no “So …” among “How …?” replies', () => {
    const asks = fc.constantFrom('Why', 'How', 'When')
    // Distinct replies (no two near-equal), each sharing "overlay" with the questions.
    const reasons = [
      'The overlay copies whole files up on the first write.',
      'Each overlay mount adds a lower directory per image layer.',
      'Deleting in the overlay leaves a whiteout file behind.',
      'Renaming a directory in an overlay needs redirect_dir support.',
      'An overlay upper directory sits on the host disk under /var/lib.',
      'Only the kernel module for overlay must be loaded first.',
      'Overlay inode numbers can differ between lower and upper.',
      'Page cache is shared across overlay containers of one image.',
    ]
    const topics = fc.constantFrom('storage', 'networking')
    const deck = fc.array(fc.record({ ask: asks, topic: topics }), { minLength: 4, maxLength: 24 }).map((rows) =>
      rows.map((r, i) =>
        card({
          id: `c${i}`,
          topic: r.topic,
          group: `${r.topic}#main`,
          prompt: `${r.ask} does the overlay layer change in case ${i}?`,
          answer: reasons[i % reasons.length] as string,
        }),
      ),
    )
    fc.assert(
      fc.property(deck, fc.nat(), (cards, seed) => {
        const target = cards[seed % cards.length] as (typeof cards)[number]
        const ask = target.prompt.split(' ')[0]
        return pickDistractors(target, cards, 3, createRng(String(seed))).every(
          (other) => other.prompt.split(' ')[0] === ask && other.topic === target.topic,
        )
      }),
      runs,
    )
  })

  it('asks every stem as a question: no bare “Context › term” or “which term?” label', () => {
    const contexts = fc.constantFrom('Network drivers', 'Common cgroup controllers', 'Images')
    const term = fc.constantFrom('bridge', 'memory', 'digest', 'ENV')
    const definition = fc.constantFrom('the default network driver.', 'limits memory use.', 'a content hash')
    fc.assert(
      fc.property(contexts, term, definition, fc.boolean(), (context, name, text, reverse) => {
        const prompt = reverse ? `${context} › which term? ${text}` : `${context} › ${name}`
        const html = reverse ? `<p>${prompt}</p>` : `<p>${context} › <strong>${name}</strong></p>`
        const stem = questionStem({ kind: reverse ? 'reverse' : 'basic', prompt, promptHtml: html })
        return (
          stem.prompt.includes('?') &&
          !stem.prompt.includes(' › ') &&
          !/which term\?/i.test(stem.prompt) &&
          stem.promptHtml.includes('?') &&
          stem.prompt.includes(context)
        )
      }),
      runs,
    )
  })

  it('builds questions from the shipped deck whose stems are questions and whose options share the answer’s type', async () => {
    const deck = await loadDeck(fileURLToPath(new URL('../../../content/docker', import.meta.url)))
    const rng = createRng('16')
    // An option's type follows its card (a type-in card's answer is a command).
    const kindOf = new Map(deck.cards.map((x) => [x.answer, x.kind]))
    let built = 0
    const problems: string[] = []
    // Every third card: the whole 1,400-card deck takes half a minute.
    const cards = deck.cards.filter((x) => choiceKinds.has(x.kind) && x.kind !== 'typein')
    for (const c of cards.filter((_, i) => i % 3 === 0)) {
      try {
        const q = buildMcq(c, deck.cards, rng)
        built++
        const isCloze = q.prompt.includes('[…]') || /\[[^\]]+\]/.test(q.prompt)
        if (!isCloze && !q.prompt.includes('?')) problems.push(`stem: ${q.prompt}`)
        if (/ › |which term\?/i.test(q.prompt)) problems.push(`label stem: ${q.prompt}`)
        const types = new Set(q.options.map((o) => answerType({ kind: kindOf.get(o.text) ?? c.kind, answer: o.text })))
        if (types.size > 1) problems.push(`types ${[...types]}: ${q.prompt}`)
      } catch (error) {
        if (!(error instanceof NotEnoughDistractorsError || error instanceof UnsupportedCardError)) throw error
      }
    }
    expect(built).toBeGreaterThan(150)
    // A few explicit cards are instructions, not questions ("Name the …"): at most 5% of stems.
    const labels = problems.filter((p) => !p.startsWith('stem:'))
    expect(labels).toEqual([])
    expect(problems.length / built).toBeLessThanOrEqual(0.05)
  })
})
