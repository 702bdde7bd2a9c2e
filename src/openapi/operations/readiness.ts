import type { Operations } from './types'

export const readinessOperations: Operations = {
  'GET /readiness': {
    tags: ['Exams'],
    summary: 'Predicted recall on your exam date, per topic, and the reviews a day needed',
    description: 'Without an exam date in your settings: `{examDate: null, hint}`.',
  },
}
