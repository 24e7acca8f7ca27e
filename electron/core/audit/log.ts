import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * The audit log: append-only (triggers refuse UPDATE/DELETE) and hash-chained, so any later edit of the
 * file by other means is detectable. Each entry's hash covers the previous entry's hash and the entry itself.
 */
export type Executor = Kysely<Database> | Transaction<Database>

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntryInput {
  actor: string
  at: string
  entity: string
  entityId: string
  action: string
  /** What changed: { field: [before, after] }, or any JSON the action needs to explain itself. */
  diff?: unknown
}

export function entryHash(prevHash: string, e: { at: string; actor: string; entity: string; entity_id: string; action: string; diff_json: string | null }): string {
  const canonical = JSON.stringify([e.at, e.actor, e.entity, e.entity_id, e.action, e.diff_json])
  return createHash('sha256').update(prevHash).update(canonical).digest('hex')
}

/** Append one entry. Call it inside the transaction that makes the change, so both land or neither does. */
export async function appendAudit(ex: Executor, input: AuditEntryInput): Promise<void> {
  const last = await ex.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst()
  const prev = last?.hash ?? GENESIS_HASH
  const row = {
    at: input.at,
    actor: input.actor,
    entity: input.entity,
    entity_id: input.entityId,
    action: input.action,
    diff_json: input.diff === undefined ? null : JSON.stringify(input.diff),
  }
  await ex.insertInto('audit_log').values({ ...row, prev_hash: prev, hash: entryHash(prev, row) }).execute()
}

/** { field: [before, after] } for the fields whose value differs; omits unchanged ones. */
export function diffRecords<T extends object>(before: T | null, after: T | null): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {}
  const b4 = (before ?? {}) as Record<string, unknown>
  const aft = (after ?? {}) as Record<string, unknown>
  const keys = new Set([...Object.keys(b4), ...Object.keys(aft)])
  for (const k of keys) {
    if (k === 'updated_at' || k === 'created_at') continue
    const a = b4[k] ?? null
    const b = aft[k] ?? null
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b]
  }
  return out
}
