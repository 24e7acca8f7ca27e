import type { Db } from './db/open'
import type { IdFactory } from './ids'
import type { Platform } from './platform'
import { todayInChina } from '../../shared/domain/date'
import { CoreEvents } from './events'

/** What every service gets: the store, the host, an id factory and the clock in the two forms the domain uses. */
export interface CoreContext {
  db: Db
  platform: Platform
  newId: IdFactory
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
    nowIso: () => platform.now().toISOString(),
    today: () => todayInChina(platform.now()),
  }
}
