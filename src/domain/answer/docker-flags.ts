/**
 * What the Docker CLI's flags mean, for the commands the notes ask about: each short flag's
 * long name, and which flags take no value (so `-d nginx` is the flag then the image).
 * Unknown flags still compare, spelled as typed.
 *
 * @see https://docs.docker.com/reference/cli/docker/container/run/ and the other command pages
 */
export interface FlagTable {
  short: Readonly<Record<string, string>>
  boolean: ReadonlySet<string>
}

/** Flags that take no value, whatever the command (`--rm`, `--all`, …). */
const booleans = new Set(
  (
    'all archive detach disable-content-trust dry-run follow follow-link force help init interactive latest ' +
    'no-cache no-healthcheck no-stream no-trunc oom-kill-disable pause privileged publish-all pull quiet ' +
    'read-only rm sig-proxy size squash timestamps tls tlsverify tty volumes digests debug attach insecure ' +
    'internal ipv6 attachable ingress load push password-stdin with-registry-auth prune detach-keys-off'
  ).split(' '),
)

const table = (short: Record<string, string>, extraBooleans: string[] = []): FlagTable => ({
  short,
  boolean: extraBooleans.length ? new Set([...booleans, ...extraBooleans]) : booleans,
})

const run = table({
  a: 'attach',
  c: 'cpu-shares',
  d: 'detach',
  e: 'env',
  h: 'hostname',
  i: 'interactive',
  l: 'label',
  m: 'memory',
  p: 'publish',
  P: 'publish-all',
  t: 'tty',
  u: 'user',
  v: 'volume',
  w: 'workdir',
})
// `attach` is a value flag for run/create (`-a stdout`), but a boolean for `start -a`.
const runTable: FlagTable = { short: run.short, boolean: new Set([...booleans].filter((n) => n !== 'attach')) }

const tables: Record<string, FlagTable> = {
  'container run': runTable,
  'container create': runTable,
  'container exec': table({ d: 'detach', e: 'env', i: 'interactive', t: 'tty', u: 'user', w: 'workdir' }),
  'container ls': table({ a: 'all', f: 'filter', l: 'latest', n: 'last', q: 'quiet', s: 'size' }),
  'container rm': table({ f: 'force', l: 'link', v: 'volumes' }, ['link']),
  'container logs': table({ f: 'follow', n: 'tail', t: 'timestamps' }),
  'container stop': table({ s: 'signal', t: 'time' }),
  'container restart': table({ s: 'signal', t: 'time' }),
  'container kill': table({ s: 'signal' }),
  'container start': table({ a: 'attach', i: 'interactive' }),
  'container inspect': table({ f: 'format', s: 'size' }),
  'container stats': table({ a: 'all' }),
  'container commit': table({ a: 'author', c: 'change', m: 'message', p: 'pause' }),
  'container cp': table({ a: 'archive', L: 'follow-link', q: 'quiet' }),
  'container update': table({ c: 'cpu-shares', m: 'memory' }),
  'container prune': table({ f: 'force' }),
  'image ls': table({ a: 'all', f: 'filter', q: 'quiet' }),
  'image rm': table({ f: 'force' }),
  'image build': table({ f: 'file', q: 'quiet', t: 'tag' }),
  'image pull': table({ a: 'all-tags', q: 'quiet' }, ['all-tags']),
  'image push': table({ a: 'all-tags', q: 'quiet' }, ['all-tags']),
  'image save': table({ o: 'output' }),
  'image load': table({ i: 'input', q: 'quiet' }),
  'image history': table({ H: 'human', q: 'quiet' }),
  'image prune': table({ a: 'all', f: 'filter' }),
  'image inspect': table({ f: 'format' }),
  'system info': table({ f: 'format' }),
  'system df': table({ v: 'verbose' }, ['verbose']),
  'system prune': table({ a: 'all', f: 'force' }),
  'system events': table({ f: 'filter' }),
  version: table({ f: 'format' }),
  login: table({ p: 'password', u: 'username' }),
  'network create': table({ d: 'driver' }),
  'network ls': table({ f: 'filter', q: 'quiet' }),
  'network inspect': table({ f: 'format', v: 'verbose' }, ['verbose']),
  'network prune': table({ f: 'force' }),
  'volume create': table({ d: 'driver', o: 'opt' }),
  'volume ls': table({ f: 'filter', q: 'quiet' }),
  'volume rm': table({ f: 'force' }),
  'volume prune': table({ a: 'all', f: 'force' }),
  'volume inspect': table({ f: 'format' }),
  'service create': table({ d: 'detach', e: 'env', l: 'label', p: 'publish', t: 'tty', u: 'user', w: 'workdir' }),
  'compose up': table({ d: 'detach' }),
}

/** Flags before the command word: `docker -H ssh://host ps`. */
export const globalFlags: FlagTable = table({ c: 'context', D: 'debug', H: 'host', l: 'log-level' })

const none = table({})

export function commandFlags(path: string): FlagTable {
  return tables[path] ?? none
}

/** Every long name a short flag has in some command: `v` → volume, volumes, verbose. */
export function longNamesOf(letter: string): string[] {
  const names = new Set<string>()
  for (const flags of [...Object.values(tables), globalFlags]) {
    const long = flags.short[letter]
    if (long) names.add(long)
  }
  return [...names]
}
