import type BetterSqlite3 from 'better-sqlite3'
import { entryHash, GENESIS_HASH, type AuditEntryInput } from '../audit/log'

/**
 * appendAudit for the import's synchronous batch transactions (raw better-sqlite3, where Kysely's async
 * executor cannot run): the same entry, hash and chain as audit/log.ts. `begin()` reads the chain's head once
 * inside the batch's write transaction (no one else can append until it ends); `append` then chains in memory.
 * Call `begin()` again after a rollback, since the head read before it may no longer be the head.
 */
export function createSyncAudit(raw: BetterSqlite3.Database) {
  const last = raw.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck()
  const insert = raw.prepare('INSERT INTO audit_log (at, actor, entity, entity_id, action, diff_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  let head: string | null = null
  return {
    begin(): void {
      head = null
    },
    append(input: AuditEntryInput): void {
      const prev = head ?? (last.get() as string | undefined) ?? GENESIS_HASH
      const row = { at: input.at, actor: input.actor, entity: input.entity, entity_id: input.entityId, action: input.action, diff_json: input.diff === undefined ? null : JSON.stringify(input.diff) }
      head = entryHash(prev, row)
      insert.run(row.at, row.actor, row.entity, row.entity_id, row.action, row.diff_json, prev, head)
    },
  }
}
