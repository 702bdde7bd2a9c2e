import { type ChildProcess, spawn } from 'node:child_process'

export interface RunningServer {
  origin: string
  child: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
}

/**
 * How long a start may take before it counts as hung. A start loads the whole app through tsx,
 * migrates a new database and compiles the shipped deck (1,446 cards): 59 s on the shared 2-core
 * machine at load 20, where the former 60 s limit failed two browser-test files in one run.
 * The browser tests' hook timeout (test/e2e/vitest.config.ts) leaves room for it.
 */
export const serverStartMs = 150_000

/**
 * Starts the real Node server (`src/node.ts`, as `npm start` does) on a database file and a
 * free port, and waits for the log line that says where it serves.
 */
export async function startNodeServer(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: { ...process.env, DATABASE_URL: `file:${dbPath}`, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let output = ''
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind the failed start.
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${serverStartMs / 1000} s:\n${output}`))
    }, serverStartMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /serving (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      onData(chunk)
      if (process.env.LOAD_VERBOSE) process.stderr.write(chunk)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before serving:\n${output}`))
    })
  })
  return { origin, child, exited }
}
