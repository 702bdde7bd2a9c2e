import type { Operations } from './types'

const tags = ['Quizzes']

export const quizzesOperations: Operations = {
  'POST /quizzes': { tags, summary: 'Start a quick multiple-choice quiz', description: 'No time limit.' },
  'GET /quizzes/:id': { tags, summary: 'A quiz with the verdicts of the questions answered so far' },
  'POST /quizzes/:id/answers/:questionId': {
    tags,
    summary: 'Answer one question: right or wrong at once, with the source note',
    description: 'A wrong answer counts as a lapse for the card in your schedule.',
  },
}
