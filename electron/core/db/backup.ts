import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { UserError } from '../errors'
import type { Db } from './open'

/**
 * Backups use SQLite's online backup API, so they are consistent while the app keeps working.
 * Every file is written to a temporary name and renamed into place: a crash never leaves half a backup.
 */
export async function backupTo(db: Db, outFile: string): Promise<{ file: string; bytes: number }> {
  mkdirSync(dirname(outFile), { recursive: true })
  const tmp = `${outFile}.tmp-${process.pid}`
  try {
    await db.raw.backup(tmp)
    renameSync(tmp, outFile)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw new UserError('BACKUP_FAILED', `备份失败：${(e as Error).message}`, `Backup failed: ${(e as Error).message}`)
  }
  return { file: outFile, bytes: statSync(outFile).size }
}

const AUTO_PREFIX = 'auto-'

/**
 * Keep a rotating set of automatic backups in `dir`: make one when the newest is older than `everyHours`,
 * then delete all but the newest `keep`.
 */
export async function autoBackup(db: Db, dir: string, now: Date, opts = { everyHours: 24, keep: 7 }): Promise<string | null> {
  mkdirSync(dir, { recursive: true })
  const existing = readdirSync(dir).filter((f) => f.startsWith(AUTO_PREFIX) && f.endsWith('.db')).sort()
  const newest = existing.at(-1)
  if (newest && now.getTime() - statSync(join(dir, newest)).mtimeMs < opts.everyHours * 3_600_000) return null
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  const { file } = await backupTo(db, join(dir, `${AUTO_PREFIX}${stamp}.db`))
  const all = readdirSync(dir).filter((f) => f.startsWith(AUTO_PREFIX) && f.endsWith('.db')).sort()
  for (const old of all.slice(0, Math.max(0, all.length - opts.keep))) rmSync(join(dir, old), { force: true })
  return file
}

/**
 * Replace the store at `dbFile` with the backup `fromFile`. The store must be closed. The backup is checked
 * first (a SQLite file, integrity ok, a CaseDesk schema), the current store is kept beside it as
 * `<name>.before-restore-<stamp>`, and the swap is a rename.
 */
export function restoreFrom(dbFile: string, fromFile: string, now: Date): { restored: string; previous: string | null } {
  if (!existsSync(fromFile)) throw new UserError('FILE_NOT_FOUND', `找不到备份文件：${fromFile}`, `Backup file not found: ${fromFile}`)
  let check: BetterSqlite3.Database | undefined
  try {
    check = new BetterSqlite3(fromFile, { readonly: true, fileMustExist: true })
    const integrity = check.pragma('integrity_check', { simple: true })
    const hasSchema = check.prepare(`SELECT count(*) n FROM sqlite_master WHERE name IN ('kysely_migration', 'cases', 'audit_log')`).get() as { n: number }
    if (integrity !== 'ok' || hasSchema.n !== 3) throw new Error(integrity !== 'ok' ? String(integrity) : 'not a CaseDesk database')
  } catch (e) {
    throw new UserError('INVALID_BACKUP', `不是有效的案件台备份：${(e as Error).message}`, `Not a valid CaseDesk backup: ${(e as Error).message}`)
  } finally {
    check?.close()
  }
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  let previous: string | null = null
  const tmp = `${dbFile}.restore-tmp`
  copyFileSync(fromFile, tmp)
  if (existsSync(dbFile)) {
    previous = `${dbFile}.before-restore-${stamp}`
    renameSync(dbFile, previous)
  }
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true })
  renameSync(tmp, dbFile)
  return { restored: dbFile, previous }
}
