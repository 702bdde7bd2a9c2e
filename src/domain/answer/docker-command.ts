/**
 * Reads a typed `docker …` command the way the Docker CLI would, so two spellings of one
 * command compare equal: `docker ps -a` and `docker container ls --all`, `-it` and `-i -t`,
 * `--name=web` and `--name web`, `'{{.ID}}'` and `"{{.ID}}"`.
 *
 * @see https://docs.docker.com/reference/cli/docker/ (each command's "Aliases" and "Options")
 */
import { commandFlags, type FlagTable, globalFlags } from './docker-flags'

/** The CLI's shortcuts for management commands (the "Aliases" line of each reference page). */
const shortcuts: Record<string, string> = {
  ps: 'container ls',
  images: 'image ls',
  rmi: 'image rm',
  inspect: 'container inspect',
  info: 'system info',
  events: 'system events',
  ...Object.fromEntries(
    'attach commit cp create diff exec export kill logs pause port rename restart rm run start stats stop top unpause update wait'
      .split(' ')
      .map((name) => [name, `container ${name}`]),
  ),
  ...Object.fromEntries(
    'build history import load pull push save tag'.split(' ').map((name) => [name, `image ${name}`]),
  ),
}

/** Subcommand aliases inside a management command (`container list` = `container ps` = `container ls`). */
const subcommandAliases: Record<string, string> = { list: 'ls', ps: 'ls', remove: 'rm' }

const managementCommands = new Set(
  'builder buildx checkpoint compose config container context image manifest network node plugin secret service stack swarm system trust volume'.split(
    ' ',
  ),
)

/**
 * Commands whose flags stop at the first argument: what follows the image (or the container
 * for `exec`) is the command run inside, so its `-l` is not Docker's.
 */
const flagsStopAtFirstArgument = new Set(['container run', 'container create', 'container exec'])

/** Splits like a POSIX shell: quotes group and disappear, a backslash escapes the next character. */
export function shellWords(text: string): string[] | undefined {
  const words: string[] = []
  let word: string | undefined
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word = (word ?? '') + text[++i]
      else word = (word ?? '') + ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      word ??= ''
    } else if (ch === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i]
    else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + ch
  }
  if (quote) return undefined
  if (word !== undefined) words.push(word)
  return words
}

interface Parsed {
  options: string[]
  rest: string[]
}

/** Reads flags against `table` until the arguments end (or, when `stopAtArgument`, until the first one). */
function readFlags(words: readonly string[], table: FlagTable, stopAtArgument: boolean): Parsed {
  const options: string[] = []
  const rest: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    if (word === '--') {
      rest.push(...words.slice(i + 1))
      break
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=')
      const name = (eq < 0 ? word.slice(2) : word.slice(2, eq)).toLowerCase()
      if (eq >= 0) options.push(option(name, word.slice(eq + 1), table))
      else if (table.boolean.has(name) || i + 1 >= words.length) options.push(name)
      else options.push(option(name, words[++i] as string, table))
      continue
    }
    if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      // Combined short flags: `-it`, `-itd`, or `-p8080:80` (a value glued to the last one).
      for (let j = 1; j < word.length; j++) {
        const short = word[j] as string
        const name = table.short[short] ?? `-${short}`
        if (table.boolean.has(name) || (table.short[short] === undefined && j + 1 < word.length)) {
          options.push(name)
          continue
        }
        const glued = word.slice(j + 1).replace(/^=/, '')
        if (glued) options.push(option(name, glued, table))
        else if (i + 1 < words.length) options.push(option(name, words[++i] as string, table))
        else options.push(name)
        break
      }
      continue
    }
    rest.push(word)
    if (stopAtArgument) {
      rest.push(...words.slice(i + 1))
      break
    }
  }
  return { options, rest }
}

/** `--detach=true` is `--detach`; a boolean given `false` stays distinct. */
function option(name: string, value: string, table: FlagTable): string {
  if (table.boolean.has(name) && value.toLowerCase() === 'true') return name
  return `${name}=${value}`
}

/** A `docker …` command as the CLI reads it: the command path, its flags by long name, its arguments. */
export interface DockerCommand {
  /** `container ls` for `docker ps`. */
  path: string
  /** Before the command word: `host=ssh://…`. */
  global: string[]
  /** `name` or `name=value`, sorted. */
  options: string[]
  args: string[]
}

/** Reads a `docker …` command; undefined when the text is not one (or has an unclosed quote). */
export function parseDockerCommand(text: string): DockerCommand | undefined {
  const words = shellWords(text)
  if (words?.[0]?.toLowerCase() !== 'docker') return undefined
  const global = readFlags(words.slice(1), globalFlags, true)
  const [first, ...afterFirst] = global.rest
  const globalOptions = global.options.sort()
  if (first === undefined) return { path: '', global: globalOptions, options: [], args: [] }
  let path: string
  let args: string[]
  const head = first.toLowerCase()
  if (managementCommands.has(head)) {
    const sub = afterFirst[0]?.startsWith('-') === false ? (afterFirst[0] as string).toLowerCase() : undefined
    path = sub ? `${head} ${subcommandAliases[sub] ?? sub}` : head
    args = sub ? afterFirst.slice(1) : afterFirst
  } else {
    path = shortcuts[head] ?? head
    args = afterFirst
  }
  const parsed = readFlags(args, commandFlags(path), flagsStopAtFirstArgument.has(path))
  return { path, global: globalOptions, options: parsed.options.sort(), args: parsed.rest }
}

/**
 * The canonical form of a `docker …` command, or undefined when the text is not one. Equal
 * keys mean the Docker CLI would run the same thing.
 *
 * @example dockerCommandKey('docker ps -a') === dockerCommandKey('docker container ls --all')
 */
export function dockerCommandKey(text: string): string | undefined {
  const command = parseDockerCommand(text)
  if (!command) return undefined
  return [command.path, ...command.global, '|', ...command.options, '|', ...command.args].join('\u0001')
}
