/**
 * Every service and query the HTML pages and their session middleware call, imported by them as
 * `#data` (package.json `imports`). On Node, and in the API Worker, this is that: the functions
 * themselves. The pages' Worker (`src/worker-web.ts`) builds with `#data` aliased to
 * `src/web/remote-data.ts`, the same names calling these in the data Worker over a service
 * binding (Workers RPC), so the pages' bundle holds no drizzle, no query and no service
 * (docs/architecture.md, "Two Workers"). Each is called as `fn(db or context, ...args)`: the
 * database handle or the request context comes first, as everywhere in `services/` and `db/queries/`.
 *
 * Only functions: a constant or a pure helper a page needs lives in a module of its own.
 */

export { findCardAction } from './db/queries/card-actions'
export { canStudy, findDeckAccess } from './db/queries/deck-access'
export { listCards, listDecks } from './db/queries/decks'
export { loadDeckTopics } from './db/queries/exams'
export { hasReviewed } from './db/queries/first-run'
export { findScope, loadHomeCounts, loadToday } from './db/queries/home'
export { deleteSession, findLiveSession, touchSession } from './db/queries/sessions'
export { findInvite } from './db/queries/teams'
export { findToken, touchToken } from './db/queries/tokens'
export {
  changeEmail,
  changePassword,
  deleteAccount,
  requestPasswordReset,
  resetLinkUser,
  resetPassword,
  signOutEverywhere,
} from './services/account-changes'
export { login, register } from './services/accounts'
export { applyCardAction, changeCard, undoCardAction } from './services/card-actions'
export { browseCards, cardInfo } from './services/card-browser'
export { checkResults } from './services/check-results'
export { checkView, createCheck, listTeamChecks, submitCheck } from './services/checks'
export { answerExamQuestion } from './services/exam-answers'
export { createExam, examHistory, getExam, submitExam } from './services/exams'
export { optimizeWeights } from './services/fsrs-optimize'
export { loadProgress, resolveDeck } from './services/progress'
export { answerQuiz, createQuiz, getQuiz } from './services/quizzes'
export { readiness } from './services/readiness'
export { answerCard, nextCard, previewCard } from './services/review'
export { updateSettings } from './services/settings'
export {
  acceptInvite,
  changeRole,
  createInvite,
  createTeam,
  listTeams,
  previewInvite,
  removeMember,
  teamDetail,
} from './services/teams'
export { createToken, revokeOwnToken, tokensOf } from './services/tokens'
export { undoLast } from './services/undo'
