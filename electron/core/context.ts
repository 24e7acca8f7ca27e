import type { Db } from './db/open'
import type { IdFactory } from './ids'
import type { Platform } from './platform'
import { todayInChina } from '../../shared/domain/date'
import { CoreEvents } from './events'
import { createContentStore, type ContentStore } from './files/content-store'
import { join } from 'node:path'

/** What every service gets: the store, the host, an id factory and the clock in the two forms the domain uses. */
export interface CoreContext {
  db: Db
  platform: Platform
  newId: IdFactory
  /** Evidence, reviewed contracts and generated documents, content-addressed under <dataDir>/files. */
  files: ContentStore
  /** Progress and completion of long work, for the UI. */
  events: CoreEvents
  /** ISO UTC timestamp, for created_at/updated_at and the audit log. */
  nowIso(): string
  /** Today's legal calendar date in China, for days past due and deadlines. */
  today(): string
}

export function createContext(db: Db, platform: Platform, newId: IdFactory): CoreContext {
  return {
    db,
    platform,
    newId,
    events: new CoreEvents(),
    files: createContentStore(join(platform.dataDir, 'files')),
    nowIso: () => platform.now().toISOString(),
    today: () => todayInChina(platform.now()),
  }
}
