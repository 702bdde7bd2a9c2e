import { reviewsForFit } from '../db/queries/fit-history'
import { isValidWeights } from '../domain/scheduling'
import { type FitItem, fitHistory, MIN_FIT_REVIEWS } from '../domain/scheduling/fit-history'
import { AppError } from '../errors'
import type { UserContext } from './context'
import { updateSettings } from './settings'

/** How well a parameter set predicts the held-out reviews (lower is better for both). */
export interface FitScore {
  logLoss: number
  /** fsrs-rs's RMSE over retrievability bins. */
  rmse: number
}

export interface FsrsFitInput {
  train: FitItem[]
  heldOut: FitItem[]
  /** The parameters in force (null: FSRS-6's defaults), scored as `before`. */
  current: number[] | null
  numRelearningSteps: number
}

export interface FsrsFit {
  weights: number[]
  before: FitScore
  after: FitScore
}

/** Fits FSRS parameters; on Node the Rust optimizer in a worker thread (`src/optimizer`). */
export interface FsrsOptimizer {
  fit(input: FsrsFitInput): Promise<FsrsFit>
}

export class OptimizerTimeoutError extends AppError {
  constructor(limitMs: number) {
    super(
      503,
      'service_unavailable',
      `fitting your parameters took longer than ${Math.round(limitMs / 1000)} s and was stopped; nothing was saved`,
    )
  }
}

export class OptimizerBusyError extends AppError {
  constructor() {
    super(503, 'service_unavailable', 'another fit is running on this server; try again in a minute', {
      headers: { 'retry-after': '60' },
    })
  }
}

export interface OptimizeResult extends FsrsFit {
  /** Long-term reviews the fit learned from and was measured on. */
  reviews: number
  /** Of those, how many were held out to measure `before` and `after`. */
  heldOut: number
  /** True when `after` beat `before` on the held-out reviews and the weights are now in force. */
  saved: boolean
}

const nodeOnly =
  'fitting FSRS parameters needs the Rust optimizer, which runs on the Node server only; ' +
  'from a machine with access to the database run: npm run fsrs:optimize -- --email <your email>'

/**
 * Fits the user's FSRS parameters from their own review history, measures the fit against the
 * parameters in force on one card in five held out of the fit, and keeps the new parameters
 * only when they predict those reviews better (lower log loss).
 */
export async function optimizeWeights(
  user: UserContext,
  optimizer: FsrsOptimizer | undefined,
): Promise<OptimizeResult> {
  if (!optimizer) throw new AppError(501, 'not_implemented', nodeOnly)
  const history = fitHistory(await reviewsForFit(user.db, user.userId), user.settings)
  if (history.reviews < MIN_FIT_REVIEWS) {
    const missing = MIN_FIT_REVIEWS - history.reviews
    throw new AppError(
      422,
      'not_enough_history',
      `fitting needs at least ${MIN_FIT_REVIEWS} reviews of cards you had seen on an earlier day; ` +
        `you have ${history.reviews}, so ${missing} more are needed`,
      { extra: { reviews: history.reviews, reviewsNeeded: MIN_FIT_REVIEWS } },
    )
  }
  const fit = await optimizer.fit({
    train: history.train,
    heldOut: history.heldOut,
    current: user.settings.fsrsWeights,
    numRelearningSteps: user.settings.relearningSteps.length,
  })
  const saved = isValidWeights(fit.weights) && fit.after.logLoss < fit.before.logLoss
  if (saved) await updateSettings(user, { fsrsWeights: fit.weights })
  return { ...fit, reviews: history.reviews, heldOut: history.heldOut.length, saved }
}
