import type BetterSqlite3 from 'better-sqlite3'
import { entryHash, GENESIS_HASH, type AuditEntryInput } from '../audit/log'

/**
 * appendAudit for the import's synchronous batch transactions (raw better-sqlite3, where Kysely's async
 * executor cannot run): the same entry, hash and chain as audit/log.ts. Call inside the batch's transaction.
 */
export function createSyncAudit(raw: BetterSqlite3.Database) {
  const last = raw.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck()
  const insert = raw.prepare('INSERT INTO audit_log (at, actor, entity, entity_id, action, diff_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  return (input: AuditEntryInput): void => {
    const prev = (last.get() as string | undefined) ?? GENESIS_HASH
    const row = { at: input.at, actor: input.actor, entity: input.entity, entity_id: input.entityId, action: input.action, diff_json: input.diff === undefined ? null : JSON.stringify(input.diff) }
    insert.run(row.at, row.actor, row.entity, row.entity_id, row.action, row.diff_json, prev, entryHash(prev, row))
  }
}
