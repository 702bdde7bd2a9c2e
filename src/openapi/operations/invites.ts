import { ok } from '../responses'
import type { Operations } from './types'

export const invitesOperations: Operations = {
  'POST /invites/:code/accept': {
    tags: ['Teams'],
    summary: 'Join a team with an invite code; the code then stops working',
    responses: ok('`{team, role}`', {
      404: 'No such invite',
      409: 'You are already a member',
      410: 'The invite was used or has expired',
    }),
  },
}
