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
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) })
  const db: Db = { raw, kysely, close: () => kysely.destroy() }
  if (!opts.readonly) await migrateToLatest(db)
  return db
}

/** Statements kept per connection; past this the cache starts over (queries built from varying lists). */
const STATEMENT_CACHE_SIZE = 500

/**
 * The connection as Kysely sees it, with its prepared statements kept by SQL text. Kysely's SQLite driver
 * prepares every query anew, and preparing was a tenth of the time of a batch letter (a dozen small queries
 * each). Reusing a statement is safe here: Kysely holds its one connection for the whole of a query (and of
 * a stream), so a cached statement is never run twice at once, and SQLite re-prepares it by itself when
 * the schema changes.
 */
function withStatementCache(raw: BetterSqlite3.Database): Pick<BetterSqlite3.Database, 'prepare' | 'close'> {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (!stmt) {
        stmt = raw.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear()
        cache.set(sql, stmt)
      }
      return stmt
    },
    close() {
      cache.clear()
      return raw.close()
    },
  } as Pick<BetterSqlite3.Database, 'prepare' | 'close'>
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
