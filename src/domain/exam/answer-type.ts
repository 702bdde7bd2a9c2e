import type { CompiledCard } from '../../content/types'

/**
 * What kind of thing an answer is. An option of another kind is ruled out without knowing the
 * subject (a syscall constant among kernel versions, a flag among component names), so choice
 * questions take wrong options of the answer's own kind only.
 */
export type AnswerType =
  | 'command'
  | 'flag'
  | `version:${string}`
  | `constant:${string}`
  | 'endpoint'
  | 'media-type'
  | 'path'
  | 'instruction'
  | 'json'
  | 'message'
  | 'quantity'
  | 'list'
  | 'text'

/** A file or folder: `/etc/docker/daemon.json`, `~/.docker/config.json`, `C:\\ProgramData\\docker`. */
const onePath = String.raw`(?:~|[A-Za-z]:\\|/)[^\s,;]*[\w/]`

const rules: [AnswerType | 'version' | 'constant', RegExp][] = [
  // A Dockerfile instruction with its arguments: `SHELL ["powershell", "-command"]`.
  [
    'instruction',
    /^(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|MAINTAINER)\s+\S/,
  ],
  // A JSON value or member: `null`, `true`, `"no-new-privileges": true`, `{"debug": true}`.
  ['json', /^(?:null|true|false|"[^"]*"\s*:.*|\{.*\}|\[.*\])$/],
  ['endpoint', /^(GET|PUT|POST|PATCH|DELETE|HEAD)\s+\//],
  // A lower-case subcommand or a flag: `docker ps`, `docker --version`, but not "docker CLI".
  [
    'command',
    /^(docker|dockerd|dockerd-rootless-setuptool\.sh|docker-compose|containerd|ctr|runc|curl|nerdctl|podman|systemctl|loginctl|sudo|kubectl|usermod|groupadd|newgrp|sysctl|iptables|ip|mount|tar|openssl|export|cat|ls|echo|buildctl|skopeo|crane|oras|cosign|trivy|notation)\s+(-{1,2}[a-z]|[a-z<$][\w<>.$-]*(\s|$))/,
  ],
  ['flag', /^--?[A-Za-z]/],
  // "Linux 4.3", "Docker Engine 1.11 (2016)", "Docker 0.9 (March 2014)", "v1.1.0", "1.0.2"
  ['version', /^(?:(?:Linux|Docker(?: Engine)?|kernel|runc|containerd|OCI|v)\s*)?\d+(?:\.\d+)+\b/i],
  ['constant', /^[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/],
  // Words quoted from the output: an error message is an option among messages only.
  ['message', /^["“][^"”]{12,}["”]/],
  // After versions (`1.0.2`): a number with its unit or bound with its unit or bound: "At least 65,536.", "4789/udp", "30 seconds".
  [
    'quantity',
    /^(?:(?:at least|at most|up to|about|over|under|no more than)\s+)?\d[\d,.]*\s*(?:%|[KMGT]i?B|bytes?|seconds?|minutes?|hours?|days?|ms|s|\/(?:tcp|udp))?\.?$/i,
  ],
  ['media-type', /^application\/[\w.+-]+$/],
  // One path, or a list of them: "/etc/subuid and /etc/subgid", "~/.docker/ca.pem, … and key.pem".
  ['path', new RegExp(`^${onePath}(?:(?:,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)${onePath})*\\.?$`)],
]

export function answerType(card: Pick<CompiledCard, 'kind' | 'answer'>): AnswerType {
  if (card.kind === 'enumeration' || card.kind === 'sequence') return 'list'
  if (card.kind === 'typein') return 'command'
  const text = card.answer.trim()
  for (const [type, pattern] of rules) {
    if (!pattern.test(text)) continue
    // Versions of one product only: "Linux 4.5" is no fair option for a Docker release.
    if (type === 'version') return `version:${/^[a-z]+/i.exec(text)?.[0].toLowerCase() ?? ''}`
    // Constants of one family: `DOCKER_HOST` is no fair option among `CLONE_NEW*` flags.
    if (type === 'constant') return `constant:${text.split('_')[0]}`
    return type
  }
  return 'text'
}
