import { nodeEnvSchema, parseEnv } from '../config'
import { connectDatabase } from '../db/connect'
import { migrateDatabase } from '../db/migrate'

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (a file or a Turso database). */
const env = parseEnv(nodeEnvSchema, process.env)
const { db, close } = await connectDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN })
await migrateDatabase(db)
console.log(`migrations applied to ${env.DATABASE_URL.replace(/\?.*$/, '')}`)
close()
