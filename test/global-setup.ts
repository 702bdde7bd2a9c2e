import { execFileSync } from 'node:child_process'

/**
 * Builds `static/` (and `versions.json`) once before any test file runs, as `npm start` does:
 * the test apps and the Worker serve those files. In a child process so the build's imports
 * (the whole app, for the OpenAPI document) stay out of vitest's own.
 */
export default function setup() {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/static.ts'], { stdio: 'inherit' })
}
