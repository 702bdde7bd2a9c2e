/** The part of workerd's `cloudflare:workers` module the data Worker uses (Workers RPC). */
declare module 'cloudflare:workers' {
  export abstract class WorkerEntrypoint<Env = unknown> {
    protected readonly ctx: import('hono').ExecutionContext
    protected readonly env: Env
    constructor(ctx: import('hono').ExecutionContext, env: Env)
  }
}
