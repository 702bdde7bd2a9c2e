import { type ChildProcess, spawn } from 'node:child_process'

export interface RunningServer {
  origin: string
  child: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
}

/** Starts the real Node server (`src/node.ts`) on a database file and waits for its log line. */
export async function startNodeServer(dbPath: string, port = 0): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    // The learners are scripts answering as fast as the server allows: well over the 600
    // requests a minute a person could make, so the per-user limit is raised for the run.
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbPath}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let output = ''
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
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
