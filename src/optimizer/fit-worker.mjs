// Runs in a worker thread (node-optimizer.ts): fits FSRS parameters with the Rust optimizer and
// scores both parameter sets on the held-out items. Plain JS so the worker needs no TS loader.
import { parentPort, workerData } from 'node:worker_threads'
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding'

/** @param {[number, number][][]} items */
const toItems = (items) =>
  items.map((reviews) => new FSRSBindingItem(reviews.map(([rating, deltaT]) => new FSRSBindingReview(rating, deltaT))))

const { train, heldOut, current, numRelearningSteps } = workerData
const heldOutItems = toItems(heldOut)
/** @param {number[] | null} weights */
const score = (weights) => {
  const { logLoss, rmseBins } = new FSRSBinding(weights ?? undefined).evaluate(heldOutItems)
  return { logLoss, rmse: rmseBins }
}
const weights = await computeParameters(toItems(train), { enableShortTerm: true, numRelearningSteps })
parentPort?.postMessage({ weights, before: score(current), after: score(weights) })
