import { Worker } from 'node:worker_threads'
import type { FsrsFit, FsrsOptimizer } from '../services/fsrs-optimize'
import { OptimizerBusyError, OptimizerTimeoutError } from '../services/fsrs-optimize'

export interface NodeOptimizerOptions {
  /** The worker is stopped after this long; default 60 s. */
  timeoutMs?: number
  /** Fits running at once in this process (the optimizer keeps a core busy); default 1. */
  maxRunning?: number
}

/**
 * The Rust FSRS optimizer (`@open-spaced-repetition/binding`, a native addon: Node only) in a
 * worker thread, so a fit never blocks the event loop that serves requests, and a fit that runs
 * past the time limit is stopped by terminating its worker.
 */
export function createNodeOptimizer(options: NodeOptimizerOptions = {}): FsrsOptimizer {
  const timeoutMs = options.timeoutMs ?? 60_000
  const maxRunning = options.maxRunning ?? 1
  let running = 0
  return {
    fit(input) {
      if (running >= maxRunning) return Promise.reject(new OptimizerBusyError())
      running++
      return new Promise<FsrsFit>((resolve, reject) => {
        const worker = new Worker(new URL('./fit-worker.mjs', import.meta.url), { workerData: input })
        let settled = false
        const settle = (outcome: () => void) => {
          if (settled) return
          settled = true
          running--
          clearTimeout(timer)
          void worker.terminate()
          outcome()
        }
        const timer = setTimeout(() => settle(() => reject(new OptimizerTimeoutError(timeoutMs))), timeoutMs)
        worker.once('message', (fit: FsrsFit) => settle(() => resolve(fit)))
        worker.once('error', (error) => settle(() => reject(error)))
        worker.once('exit', (code) => settle(() => reject(new Error(`the optimizer worker exited with code ${code}`))))
      })
    },
  }
}
