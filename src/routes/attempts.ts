import { Hono } from 'hono/tiny'
import type * as v from 'valibot'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { examParamSchema, questionParamSchema } from '../schemas/exams'
import type { UserContext } from '../services/context'
import { validate } from '../validation'

/** A start request's body: an attempt names its deck, or takes the server's default deck. */
type StartSchema = v.GenericSchema<unknown, { deck?: string | undefined }>

export interface AttemptRoutesOptions<Start extends StartSchema, Answer extends v.GenericSchema, Method, S, R, A> {
  start: {
    schema: Start
    create: (ctx: UserContext, input: v.InferOutput<Start> & { deck: string }) => Promise<S>
  }
  read: (ctx: UserContext, id: string) => Promise<R>
  answer: {
    /** A quiz answer is final (POST); an exam's may be changed until it is submitted (PUT). */
    method: Method
    schema: Answer
    save: (ctx: UserContext, id: string, questionId: string, body: v.InferOutput<Answer>) => Promise<A>
  }
}

/**
 * The routes a mock exam and a quiz share (both are rows of `exams`, `services/exam-state.ts`):
 * start one in the deck asked for (else the default deck), read one by id, answer one question.
 * Each resource mounts them with `.route('/', …)` between its own routes, so the typed client
 * and the OpenAPI document (descriptions in `src/openapi/operations/`) see them as its own.
 */
export function attemptRoutes<
  Start extends StartSchema,
  Answer extends v.GenericSchema,
  Method extends 'PUT' | 'POST',
  S,
  R,
  A,
>({ start, read, answer }: AttemptRoutesOptions<Start, Answer, Method, S, R, A>) {
  return new Hono<AppEnv>()
    .post('/', auth('review'), validate('json', start.schema), async (c) => {
      const { deck = c.var.deps.defaultDeck, ...input } = c.req.valid('json') as v.InferOutput<Start>
      return c.json(await start.create(c.var.user, { ...input, deck } as v.InferOutput<Start> & { deck: string }), 201)
    })
    .get('/:id', auth('review'), validate('param', examParamSchema), async (c) =>
      c.json(await read(c.var.user, c.req.valid('param').id)),
    )
    .on(
      answer.method,
      '/:id/answers/:questionId',
      auth('review'),
      validate('param', questionParamSchema),
      validate('json', answer.schema),
      async (c) => {
        const { id, questionId } = c.req.valid('param')
        return c.json(await answer.save(c.var.user, id, questionId, c.req.valid('json') as v.InferOutput<Answer>))
      },
    )
}
