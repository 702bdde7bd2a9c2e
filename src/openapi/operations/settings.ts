import { ok } from '../responses'
import type { Operations } from './types'

export const settingsOperations: Operations = {
  'GET /settings': { tags: ['Settings'], summary: 'Your study settings' },
  'PUT /settings': { tags: ['Settings'], summary: 'Change some study settings' },
  'POST /settings/optimize': {
    tags: ['Settings'],
    summary: 'Fit your FSRS parameters to your review history',
    description:
      'Fits the 21 FSRS-6 parameters to your review answers (quiz and exam answers left out) with the Rust ' +
      'optimizer, scores them and the parameters in force on one card in five held out of the fit, and saves ' +
      'them as `fsrsWeights` only when their held-out log loss is lower (`saved`).',
    responses: ok('The fitted parameters and both scores', {
      422: 'Not enough review history yet: the problem says how many reviews are needed',
      501: 'This runtime (the Worker) cannot run the optimizer: use `npm run fsrs:optimize`',
      503: 'The fit ran past its time limit, or another fit is running',
    }),
  },
}
