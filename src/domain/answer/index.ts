export {
  type AnswerComparison,
  type CompareOptions,
  checkTypedAnswer,
  compareAnswer,
  maxDiffChars,
} from './compare'
export { type DiffOp, type DiffPart, diffTokens } from './diff'
export { type DockerCommand, dockerCommandKey, parseDockerCommand } from './docker-command'
export { type AnswerOptions, cleanAnswer, normalizeAnswer } from './normalize'
