import type { DbCheckReport, SystemInfo } from '../../../shared/domain/system'
import { verifyAuditChain } from '../audit/verify'
import type { CoreContext } from '../context'
import { backupTo } from '../db/backup'
import { LATEST_MIGRATION } from '../db/migrations'
import { appliedMigrations } from '../db/open'

export function systemService(ctx: CoreContext) {
  const { db } = ctx
  return {
    async info(): Promise<SystemInfo> {
      const { n } = db.raw.prepare('SELECT count(*) n FROM cases').get() as { n: number }
      return { version: ctx.platform.version, dataDir: ctx.platform.dataDir, cases: n, schema: LATEST_MIGRATION }
    },

    async check(): Promise<DbCheckReport> {
      const integrity = (db.raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
      const fk = db.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
      const applied = await appliedMigrations(db)
      const upToDate = applied.at(-1) === LATEST_MIGRATION
      return {
        ok: integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0 && upToDate,
        integrity,
        foreignKeyViolations: fk.map((v) => ({ table: v.table, rowid: v.rowid, parent: v.parent })),
        migrations: { applied, latest: LATEST_MIGRATION, upToDate },
      }
    },

    verifyAudit: () => verifyAuditChain(db.kysely),
    backup: (outFile: string) => backupTo(db, outFile),
  }
}
