import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileDeck } from '../src/content/compile-deck'
import { parseMarkdown } from '../src/content/parse'
import { printTable } from './lib/stats'

/**
 * Notes-compiler throughput: content/docker and generated corpora of 100, 1,000 and 10,000 notes
 * (one note = one `##` section in one of six shapes), each beside a floor: the bare mdast parse
 * (micromark + GFM + front matter) of the very same text, so the compiler's own cost shows.
 */
type Files = Array<{ file: string; text: string }>

const shapes = [
  (i: number) =>
    `## Component ${i}\n\n- **part${i}a**: the first part of component ${i}, which starts the others\n- **part${i}b**: the second part, which stores the state of component ${i}\n- **part${i}c** – the third part, which talks to the network\n`,
  (i: number) =>
    `## Question ${i}\n\nWhich port does service ${i} listen on by default? :: ${2000 + i}\n\nWhich user runs service ${i}? ::: svc${i}\n`,
  (i: number) =>
    `## Fact ${i}\n\nService ${i} keeps its data in ==/var/lib/svc${i}== and logs to {{c1::journald::a logger}}.\n`,
  (i: number) =>
    `## Flow ${i}\n\nThe path of a request to service ${i}:\n\nclient → proxy${i} → service${i} → database\n`,
  (i: number) =>
    `## Command ${i}\n\nStart service ${i} in the background with its default configuration.\n\n\`\`\`sh\nsvc start --detach svc${i}\n\`\`\`\n`,
  (i: number) =>
    `## Section ${i}\n\n### Overview ${i}\n\nOverview ${i} is the part of the system that keeps track of every job of team ${i}.\n`,
]

function corpus(notes: number): Files {
  const files: Files = []
  for (let first = 0; first < notes; first += 100) {
    const body = Array.from({ length: Math.min(100, notes - first) }, (_, k) =>
      shapes[(first + k) % shapes.length]?.(first + k),
    ).join('\n')
    const topic = `topic-${files.length}`
    files.push({
      file: `${topic}.md`,
      text: `---\ndeck: bench\ntopic: ${topic}\ntitle: Topic ${files.length}\n---\n\n${body}`,
    })
  }
  return files
}

function dockerDeck(): Files {
  const dir = 'content/docker'
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN

function measure(name: string, notes: number, files: Files) {
  const runs = notes >= 10_000 ? 5 : 11
  let cards = 0
  const compile = () => {
    cards = compileDeck({ slug: 'bench', files, strict: true }).cards.length
  }
  const parse = () => {
    for (const { text } of files) parseMarkdown(text)
  }
  // Warm up both, then alternate them so machine noise hits both sides alike.
  for (let warm = 0; warm < 3; warm += 1) {
    compile()
    parse()
  }
  const totals: number[] = []
  const parses: number[] = []
  for (let run = 0; run < runs; run += 1) {
    let start = performance.now()
    compile()
    totals.push(performance.now() - start)
    start = performance.now()
    parse()
    parses.push(performance.now() - start)
  }
  const total = median(totals)
  const floor = median(parses)
  return {
    corpus: name,
    notes,
    cards,
    'total ms': total,
    'parse ms': floor,
    'compiler ms': total - floor,
    'µs/note': (total / notes) * 1000,
    'parse µs/note': (floor / notes) * 1000,
  }
}

const docker = dockerDeck()
const sections = docker.reduce((sum, { text }) => sum + (text.match(/^#{1,6} /gm)?.length ?? 0), 0)
const rows = [measure('content/docker (notes = sections)', sections, docker)]
for (const notes of [100, 1_000, 10_000]) rows.push(measure('generated', notes, corpus(notes)))
printTable('Notes compiler: median of repeated runs (parse = bare mdast parse of the same text)', rows)
