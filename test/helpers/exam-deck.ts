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

/** The DCA blueprint as `content/docker/deck.yaml` states it (weights in percent). */
export const dcaBlueprint = {
  name: 'DCA',
  title: 'Docker Certified Associate',
  domains: [
    { slug: 'orchestration', title: 'Orchestration', weight: 25, topics: ['orchestration'] },
    {
      slug: 'images',
      title: 'Image creation, management and registry',
      weight: 20,
      topics: ['images-registries', 'oci'],
    },
    { slug: 'install', title: 'Installation and configuration', weight: 15, topics: ['install-config'] },
    { slug: 'networking', title: 'Networking', weight: 15, topics: ['networking'] },
    { slug: 'security', title: 'Security', weight: 15, topics: ['security'] },
    { slug: 'storage', title: 'Storage and volumes', weight: 10, topics: ['storage'] },
  ],
}

/** Cards per topic of the blueprint deck: more than three exams' worth in every domain. */
const blueprintTopics: Record<string, number> = {
  orchestration: 45,
  'images-registries': 28,
  oci: 8,
  'install-config': 27,
  networking: 27,
  security: 27,
  storage: 20,
}

/** A made-up word per index (ten letters from a fixed generator): no two are near-equal. */
function word(i: number): string {
  let x = (i + 1) * 2654435761
  let out = ''
  for (let n = 0; n < 10; n++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    out += String.fromCharCode(97 + ((x >>> 16) % 26))
  }
  return out
}

/**
 * Inserts a `docker` deck with the DCA blueprint and a topic in each of its six domains, every
 * answer a distinct made-up word, as content sync would. Returns the cards.
 */
export async function seedBlueprintDeck(db: Db, now = Date.UTC(2026, 0, 1)): Promise<ExamCard[]> {
  await db
    .insert(decks)
    .values({ slug: 'docker', title: 'Docker', blueprint: JSON.stringify(dcaBlueprint), updatedAt: now })
  await db.insert(topics).values(
    Object.keys(blueprintTopics).map((slug, position) => ({
      deck: 'docker',
      slug,
      title: slug,
      file: `${slug}.md`,
      position,
    })),
  )
  let i = 0
  const rows = Object.entries(blueprintTopics).flatMap(([topic, size]) =>
    Array.from({ length: size }, () => {
      const n = i++
      return {
        id: `bp-${String(n).padStart(3, '0')}`,
        deck: 'docker',
        topic,
        kind: 'basic',
        prompt: `Blueprint question ${n}?`,
        answer: word(n),
        promptHtml: `<p>Blueprint question ${n}?</p>`,
        answerHtml: `<p>${word(n)}</p>`,
        sourceFile: `${topic}.md`,
        sourceLine: 10 + n,
        sourceAnchor: `section-${n}`,
        sourceHeadings: JSON.stringify([topic]),
        group: `docker/${topic}`,
        position: n,
        contentHash: `bp${n}`,
        createdAt: now,
        updatedAt: now,
      }
    }),
  )
  await db.insert(cards).values(rows)
  return rows.map((r) => ({ id: r.id, topic: r.topic, kind: r.kind, answer: r.answer }))
}
