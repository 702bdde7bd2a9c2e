import { parseArgs } from 'node:util'
import { ConfigError, nodeEnvSchema, parseEnv } from '../config'
import { connectDatabase } from '../db/connect'
import { findUserByEmail } from '../db/queries/accounts'
import { AppError } from '../errors'
import { createNodeOptimizer } from '../optimizer/node-optimizer'
import { settingsFromJson } from '../services/context'
import { optimizeWeights } from '../services/fsrs-optimize'

/**
 * `npm run fsrs:optimize -- --email <user>`: what `POST /api/v1/settings/optimize` does, run from a
 * machine against DATABASE_URL (and DATABASE_AUTH_TOKEN), for deployments on Workers, where the
 * Rust optimizer cannot load. Same history, same held-out check, saved only when better.
 */
const usage = 'usage: npm run fsrs:optimize -- --email <user email> [--timeout-seconds 300]'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, 'timeout-seconds': { type: 'string', default: '300' } },
  })
  const timeout = Number(values['timeout-seconds'])
  if (!values.email || !Number.isInteger(timeout) || timeout < 1) {
    console.error(usage)
    return 2
  }
  const env = parseEnv(nodeEnvSchema, process.env)
  const { db, close } = await connectDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN })
  try {
    const user = await findUserByEmail(db, values.email.trim().toLowerCase())
    if (!user) {
      console.error(`fsrs:optimize: no user with the email ${values.email}`)
      return 1
    }
    const started = performance.now()
    const result = await optimizeWeights(
      { db, now: Date.now(), userId: user.id, settings: settingsFromJson(user.settings) },
      createNodeOptimizer({ timeoutMs: timeout * 1000 }),
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const score = (s: { logLoss: number; rmse: number }) =>
      `log loss ${s.logLoss.toFixed(4)}, RMSE ${s.rmse.toFixed(4)}`
    console.log(`fitted on ${result.reviews} reviews (${result.heldOut} held out) in ${seconds} s`)
    console.log(`  in force: ${score(result.before)}`)
    console.log(`  fitted:   ${score(result.after)}`)
    console.log(result.saved ? 'saved: the fitted parameters are now in force' : 'not saved: they predict no better')
    console.log(JSON.stringify(result.weights))
    return 0
  } finally {
    close()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof AppError || error instanceof ConfigError
    console.error(known ? `fsrs:optimize: ${error.message}` : error)
    process.exit(1)
  },
)
