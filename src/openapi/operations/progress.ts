import type { Operations } from './types'

export const progressOperations: Operations = {
  'GET /progress': {
    tags: ['Progress'],
    summary: "The caller's study statistics, in their time zone and day boundary",
    description:
      'today, streaks, card counts, true retention, a 30-day forecast, per-topic recall and a 365-day ' +
      'calendar, for one deck (`?deck=`) or every deck. Activity (today, streaks, calendar) counts every ' +
      'answer not undone, quizzes and exams included; true retention counts only the first answer of the ' +
      'day to a card in review state in the review flow (again = fail).',
  },
}
