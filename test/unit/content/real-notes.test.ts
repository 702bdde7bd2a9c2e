import { describe, expect, it } from 'vitest'
import { compileDeck } from '../../../src/content/compile-deck'
import { compile, shapes } from './compile'

const prompts = (markdown: string) => compile(markdown).cards.map((card) => card.prompt)

describe('cards from real-world notes', () => {
  it('makes a term card of each field of a schema, its type and requirement after the first sentence', () => {
    const md = [
      '## _Image Manifest_ Property Descriptions',
      '',
      '- **`size`** *int64*',
      '',
      '  This REQUIRED property specifies the size, in bytes, of the raw content.',
      '  This property exists so that a client will have an expected size for the content.',
      '',
      '* **`mounts`** (array of objects, OPTIONAL) specifies additional mounts beyond root.',
      '    * Solaris: This value MUST be an absolute path.',
    ].join('\n')
    expect(shapes(md)).toEqual([
      ['basic', 'Image Manifest › size', 'specifies the size, in bytes, of the raw content (int64, REQUIRED).'],
      ['basic', 'Image Manifest › mounts', 'specifies additional mounts beyond root (array of objects, OPTIONAL).'],
    ])
  })

  it('reads every sub-heading under a Glossary heading as a term, with its reverse card', () => {
    const md = '# Glossary\n\n## Bundle\n\nA directory structure written ahead of time.\n'
    expect(shapes(md)).toEqual([
      ['basic', 'Glossary › Bundle', 'A directory structure written ahead of time.'],
      ['reverse', 'Glossary › which term? A directory structure written ahead of time.', 'Bundle'],
    ])
  })

  it('makes no card from boilerplate: an answer ending in ":", a normative one-liner, a generic heading', () => {
    expect(prompts('### Compatibility\n\nInterchangeable and fully compatible mime-types:\n\n- `a/b`\n')).toEqual([])
    expect(prompts('## Mounts\n\n- Solaris: This value MUST be an absolute path.\n- Linux: a path\n')).toEqual([
      'Mounts › Linux',
      'Mounts › which term? a path',
    ])
    expect(prompts('## Spec\n\n### Introduction\n\nThe spec defines an API protocol.\n')).toEqual([])
  })

  it('makes no type-in card from a prompt that leans on the sentence before it', () => {
    const fence = '\n\n```console\n$ docker volume create --driver local \\\n    --opt type=tmpfs foo\n```\n'
    expect(prompts(`## Volumes\n\nFor example, the following creates a tmpfs volume called foo.${fence}`)).toEqual([])
    expect(compile(`## Volumes\n\nCreate a tmpfs volume called foo.${fence}`).cards[0]?.answer).toBe(
      'docker volume create --driver local --opt type=tmpfs foo',
    )
  })

  it('makes no card from a table of identifiers that share one definition', () => {
    const md = '## Matrix\n\n- `.annotations`: only present in OCI\n- `.config.urls`: only present in OCI\n'
    expect(prompts(md)).toEqual([])
  })

  it('tells repeated prompts apart by the heading that differs, and merges the same card', () => {
    const files = [
      { file: 'container_ls.md', text: '# docker container ls\n\n## Filtering\n\nFiltering lists fewer containers.\n' },
      { file: 'image_ls.md', text: '# docker image ls\n\n## Filtering\n\nFiltering lists fewer images.\n' },
    ]
    const deck = compileDeck({ slug: 'cli', files, strict: false })
    expect(deck.cards.map((card) => card.prompt)).toEqual([
      'docker container ls › Filtering',
      'docker image ls › Filtering',
    ])
    const same =
      '## Terms\n\n**OCI**: Open Container Initiative\n\n## More\n\n### Terms\n\n**OCI**: Open Container Initiative\n'
    expect(prompts(same).filter((prompt) => prompt === 'Terms › OCI')).toHaveLength(1)
  })

  it('names the topics of same-named files in sub-folders by their folders, and the title by an opening heading', () => {
    const files = [
      { file: 'notes3/A.md', text: '## Alpha\n\nAlpha is the first letter.\n' },
      { file: 'notes4/A.md', text: 'A :: a\n' },
      { file: 'loose.md', text: '# Loose notes\n\nText.\n' },
    ]
    const deck = compileDeck({ slug: 'vault', files, strict: false })
    expect(deck.topics.map((topic) => [topic.slug, topic.title])).toEqual([
      ['loose', 'Loose notes'],
      ['notes3-a', 'Alpha'],
      ['notes4-a', 'A'],
    ])
    expect(deck.diagnostics.filter((item) => item.severity === 'error')).toEqual([])
  })
})
