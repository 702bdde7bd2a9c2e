import type { Operations } from './types'

const tags = ['Exams']

export const examsOperations: Operations = {
  'GET /exams': {
    tags,
    summary: 'Your mock exams, newest first',
    description: 'Exams past their deadline are scored here.',
  },
  'POST /exams': {
    tags,
    summary: 'Start a timed mock exam',
    description:
      'Questions are fixed at the start and carry nothing that gives the answer away; DOMC questions list only the option being shown. `draw`: `blueprint` (by exam domain weights, avoiding your recent questions; docs/exams.md) or `notes` (by topic size). Send a `seed` from an earlier result to replay that exam.',
  },
  'GET /exams/:id': { tags, summary: 'An exam: questions and saved answers while it runs, the result once submitted' },
  'PUT /exams/:id/answers/:questionId': {
    tags,
    summary: 'Save an answer or a flag',
    description:
      'Multiple choice `{choice}`, DOMC `{optionId, judgement}` (appended in order, never changed), type-in `{text}`; `flagged` alone or with an answer. After the deadline: 409 `deadline_passed`.',
  },
  'POST /exams/:id/submit': {
    tags,
    summary: 'Submit and score the exam (idempotent: submitting again returns the same result)',
  },
}
