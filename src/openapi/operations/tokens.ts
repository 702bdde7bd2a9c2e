import type { Operations } from './types'

export const tokensOperations: Operations = {
  'POST /tokens': {
    tags: ['Account'],
    summary: 'Create an API token (signed-in session only); its secret is shown once',
    security: [{ cookieAuth: [] }],
    responses: { 201: { description: 'The token, with its secret' } },
  },
  'GET /tokens': {
    tags: ['Account'],
    summary: 'Your API tokens, without their secrets (session only)',
    security: [{ cookieAuth: [] }],
  },
  'DELETE /tokens/:id': {
    tags: ['Account'],
    summary: 'Revoke an API token (session only)',
    security: [{ cookieAuth: [] }],
    responses: { 204: { description: 'Revoked' } },
  },
}
