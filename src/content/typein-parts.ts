import { parseDockerCommand } from '../domain/answer'

/** What a prompt must say for a `docker run`/`exec` answer to be able to contain each run mode. */
const modeWords: ReadonlyArray<[string, RegExp]> = [
  ['detach', /\bbackground\b|\bdetached\b/i],
  ['interactive', /\binteractive(ly)?\b/i],
  ['rm', /\bremoved\b|\bthrow-?away\b|--rm\b/i],
]

const runs = new Set(['container run', 'container exec', 'container create'])

/**
 * The parts of a `docker …` answer that its prompt does not ask for: its first arguments (the
 * image and the command run in it, a network's or volume's name: a learner cannot guess
 * `ubuntu bash` or `my-bridge-network`), and for `run`/`exec`, `-d`, `-i`, `--rm` when the
 * prompt never says background, interactive or removed. The answer comparer grades the whole
 * command, so an unasked part marks a right answer wrong. Not a `docker` command: none.
 */
export function unaskedParts(prompt: string, command: string): string[] {
  const parsed = parseDockerCommand(command)
  // `docker scout quickview nginx`: a plugin's sub-commands are not known, so neither are its arguments.
  if (!parsed || (!parsed.path.includes(' ') && !runs.has(parsed.path))) return []
  const said = (word: string) =>
    new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, 'i').test(prompt)
  // `java:8` is asked by "the java repository with tag 8".
  // `java:8` is asked by "the java repository with tag 8", `.` by "the current directory".
  const asked = (arg: string) =>
    said(arg) ||
    (arg === '.' && /\b(?:current|this|working) directory\b/i.test(prompt)) ||
    (arg !== '.' && arg.split(/[:/@=]/).every((part) => part === '' || said(part)))
  // `docker save myapp | gzip > myapp.tar.gz`: what follows a pipe or redirection is another command.
  const end = parsed.args.findIndex((arg) => /^(?:\||\|\||&&|;|>|>>|<)$/.test(arg))
  const args = end < 0 ? parsed.args : parsed.args.slice(0, end)
  const missing = args.slice(0, 2).filter((arg) => !asked(arg))
  if (runs.has(parsed.path))
    for (const [flag, words] of modeWords)
      if (parsed.options.includes(flag) && !words.test(prompt)) missing.push(`--${flag}`)
  return missing
}
