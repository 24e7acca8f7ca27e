import type { jobChannels } from '../../../shared/ipc/channels/jobs'
import type { HandlersFor } from './types'

export const jobHandlers: HandlersFor<keyof typeof jobChannels> = {
  'jobs.get': async (s, i) => s.jobs.get(i.id),
  'jobs.list': async (s) => s.jobs.list(),
  'jobs.cancel': async (s, i) => s.jobs.cancel(i.id),
}
