import type { Db } from '../../src/db/index'
import { cards, decks, topics } from '../../src/db/schema'

/** Well-separated answers, so every card makes a choice question with three wrong answers. */
const answers: Record<string, string[]> = {
  architecture: [
    'containerd',
    'runc',
    'libcontainer',
    'snapshotter',
    'dockerd',
    'buildkit',
    'registry',
    'manifest',
    'seccomp',
    'apparmor',
  ],
  cli: ['volume', 'overlay', 'bridge', 'macvlan', 'tmpfs', 'healthcheck', 'entrypoint', 'namespace'],
}

/** Type-in (CLI) cards of the `cli` topic: their own questions in a mixed exam. */
const commands = ['docker ps -a', 'docker image prune', 'docker network ls', 'docker volume create data']

export interface ExamCard {
  id: string
  topic: string
  kind: string
  answer: string
}

/**
 * Inserts a `docker` deck of 22 cards whose answers are all told apart, as content sync would.
 * Returns the cards, so tests can look for answer texts in responses.
 */
export async function seedExamDeck(db: Db, now = Date.UTC(2026, 0, 1)): Promise<ExamCard[]> {
  await db.insert(decks).values({ slug: 'docker', title: 'Docker', updatedAt: now })
  await db.insert(topics).values([
    { deck: 'docker', slug: 'architecture', title: 'Architecture', file: 'architecture.md', position: 0 },
    { deck: 'docker', slug: 'cli', title: 'The docker CLI', file: 'cli.md', position: 1 },
  ])
  const rows = [
    ...Object.entries(answers).flatMap(([topic, list]) => list.map((answer) => ({ topic, kind: 'basic', answer }))),
    ...commands.map((answer) => ({ topic: 'cli', kind: 'typein', answer })),
  ].map((card, i) => ({
    id: `card-${String(i).padStart(2, '0')}`,
    deck: 'docker',
    topic: card.topic,
    kind: card.kind,
    prompt: `Question number ${i}?`,
    answer: card.answer,
    promptHtml: `<p>Question number ${i}?</p>`,
    answerHtml: `<p>${card.answer}</p>`,
    sourceFile: `${card.topic}.md`,
    sourceLine: 10 + i,
    sourceAnchor: `section-${i}`,
    sourceHeadings: JSON.stringify([card.topic]),
    group: `docker/${card.topic}`,
    position: i,
    contentHash: `h${i}`,
    createdAt: now,
    updatedAt: now,
  }))
  await db.insert(cards).values(rows)
  return rows.map((r) => ({ id: r.id, topic: r.topic, kind: r.kind, answer: r.answer }))
}
