import type { ChannelName } from '../../../shared/ipc/contract'
import { calcHandlers } from './calc'
import { collectionHandlers } from './collection'
import { collectionFactsHandlers } from './collection-facts'
import { reviewHandlers } from './review'
import { jobHandlers } from './jobs'
import { evidenceHandlers } from './evidence'
import { documentsHandlers } from './documents'
import { storeHandlers } from './store'
import { reportsHandlers } from './reports'
import { importHandlers } from './import'
import type { HandlersFor } from './types'

/**
 * Channel → service call, one file per area. Inputs arrive already parsed by the contract's schema (see
 * ../dispatch.ts); handlers only route, the rules live in the services. The type makes a missing handler a
 * compile error.
 */
export const handlers: HandlersFor<ChannelName> = {
  ...storeHandlers,
  ...calcHandlers,
  ...collectionHandlers,
  ...collectionFactsHandlers,
  ...reportsHandlers,
  ...reviewHandlers,
  ...jobHandlers,
  ...evidenceHandlers,
  ...importHandlers,
  ...documentsHandlers,
}
