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
  | 'list'
  | 'text'

const rules: [AnswerType | 'version' | 'constant', RegExp][] = [
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
  ['media-type', /^application\/[\w.+-]+$/],
  ['path', /^(?:\/[\w.@-]+)+\/?$/],
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
