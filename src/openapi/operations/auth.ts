import type { Operations } from './types'

export const authOperations: Operations = {
  'POST /auth/register': {
    tags: ['Account'],
    summary: 'Create an account and sign in (sets the session cookie)',
    security: [],
    responses: { 201: { description: 'The new account' } },
  },
  'POST /auth/login': { tags: ['Account'], summary: 'Sign in (sets the session cookie)', security: [] },
  'POST /auth/logout': {
    tags: ['Account'],
    summary: 'Sign out (ends the session)',
    security: [],
    responses: { 204: { description: 'Signed out' } },
  },
}
