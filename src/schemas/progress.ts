import * as v from 'valibot'

const deckMessage = 'deck must be a deck slug like "docker", or empty for every deck'

export const progressQuerySchema = v.object({
  deck: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/))], deckMessage)),
})
