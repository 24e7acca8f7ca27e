import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { UserError } from '../errors'
import { migrationProvider } from './migrations'
import type { Database } from './schema'

export interface Db {
  /** The raw connection: for pragmas, the online backup API and the few hot paths measured in bench/. */
  raw: BetterSqlite3.Database
  /** Typed queries. One connection underneath: inside a transaction use the transaction, never this. */
  kysely: Kysely<Database>
  close(): Promise<void>
}

export interface OpenOptions {
  /** Electron passes the better-sqlite3 build for its own ABI; Node uses the default build. */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * Open (creating if needed) the store at `file` (':memory:' for tests), set the pragmas of
 * ARCHITECTURE.md and bring the schema up to date.
 */
export async function openDb(file: string, opts: OpenOptions = {}): Promise<Db> {
  let raw: BetterSqlite3.Database
  try {
    raw = new BetterSqlite3(file, { readonly: opts.readonly ?? false, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) })
  } catch (e) {
    throw new UserError('DB_OPEN_FAILED', `无法打开数据库 ${file}：${(e as Error).message}`, `Cannot open the database ${file}: ${(e as Error).message}`)
  }
  if (!opts.readonly) raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  raw.pragma('synchronous = NORMAL')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  const db: Db = { raw, kysely, close: () => kysely.destroy() }
  if (!opts.readonly) await migrateToLatest(db)
  return db
}

export async function migrateToLatest(db: Db): Promise<void> {
  // Numbers are handed out per piece of work and land in any order (0009 before 0008): a store that already
  // ran a later one still takes an earlier one that arrived after it. Each migration is additive and independent.
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider, allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
    throw new UserError('DB_MIGRATION_FAILED', `数据库升级失败（${failed}）：${String(error)}`, `Database migration ${failed} failed: ${String(error)}`)
  }
}

/** Migration names applied to this database, oldest first. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider })
  return (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name)
}
