import { buildStatic, staticRoot } from '../static/build'

/** `npm run static`: builds `static/` (see `src/static/build.ts`). */
const started = performance.now()
const { files, written } = await buildStatic()
console.log(
  `static: ${files} files in ${staticRoot}/ (${written} changed) in ${Math.round(performance.now() - started)} ms`,
)
