import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * `npm run content:check` on the Docker deck: CPU time (user + system) and wall time of the
 * precompiled entry (`src/cli/run-ts.mjs`, what the npm script runs) beside the same CLI under
 * tsx (how it ran before issue 16), and beside the floor of starting Node at all. CPU time is
 * the figure to read on a shared machine: wall time there mostly measures the other jobs.
 */
const project = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.env.BENCH_CLI_RUNS ?? 3)

function measure(label: string, args: string[]) {
  const cpu: number[] = []
  const wall: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const out = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' })
    wall.push(performance.now() - started)
    if (out.status !== 0) throw new Error(`${label} exited with ${out.status}: ${out.stderr}`)
    // spawnSync does not report the child's CPU time: the child prints its own at exit.
    cpu.push(Number(out.stdout.match(/cpu-ms (\d+)/)?.[1] ?? Number.NaN))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
  console.log(
    `${label.padEnd(44)} cpu ${median(cpu).toFixed(0).padStart(6)} ms   wall ${median(wall).toFixed(0).padStart(6)} ms`,
  )
}

/** Runs the command in-process after a hook that prints the process's CPU time at exit. */
const wrap = (argv: string[]) => [
  '--import',
  `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stdout.write('cpu-ms '+Math.round((u.userCPUTime+u.systemCPUTime)/1000)+'\\n')})`,
  ...argv,
]

console.log(`content:check on content/docker, median of ${runs} runs`)
measure('node (floor: start-up only)', wrap(['-e', '0']))
// tsx's CLI runs the script in a child process; its loader in-process is the same work, measurable.
measure('tsx loader (before)', wrap(['--import', 'tsx', 'src/cli/content.ts', 'check']))
measure('src/cli/run-ts.mjs (npm run content:check)', wrap(['src/cli/run-ts.mjs', 'src/cli/content.ts', 'check']))
