import type { JobView } from '../../domain/jobs'
import { byId, channel, none } from '../channel'

/** Background jobs (batch documents, imports, bundles): follow, list, cancel. Each area has its own "start". */
export const jobChannels = {
  'jobs.get': channel<typeof byId, JobView>(byId, 'A job’s progress, errors so far and, when done, its result.'),
  'jobs.list': channel<typeof none, JobView[]>(none, 'This session’s jobs, newest first.'),
  'jobs.cancel': channel<typeof byId, JobView>(byId, 'Stop a running job: no further item starts; items already written stay.'),
} as const
