import { mkdirSync } from 'node:fs'
import { userInfo } from 'node:os'
import { openDb, type OpenOptions } from './db/open'
import { dbFileIn } from './paths'
import { createCore, type Core } from './services'
import type { Db } from './db/open'

export interface OpenedCore extends Core {
  db: Db
  close(): Promise<void>
}

/** Open the store in `dataDir` (creating it) and build the core, as the web bridge and the CLI do. */
export async function openCore(opts: { dataDir: string; resourcesDir: string; version: string; actor?: string; now?: () => Date; db?: OpenOptions }): Promise<OpenedCore> {
  mkdirSync(opts.dataDir, { recursive: true })
  const db = await openDb(dbFileIn(opts.dataDir), opts.db)
  const core = createCore(db, {
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir,
    version: opts.version,
    actor: opts.actor ?? safeUser(),
    now: opts.now ?? (() => new Date()),
    sqliteBinding: opts.db?.nativeBinding,
  })
  return { ...core, db, close: () => db.close() }
}

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'user'
  }
}
