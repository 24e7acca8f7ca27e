import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { entryHash, GENESIS_HASH } from './log'

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The first entry whose link or content does not match, with why. */
  firstBroken: { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' } | null
}

/** Walk the chain from the first entry and name the first broken one. Streams, so a long log stays cheap. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prev = GENESIS_HASH
  let entries = 0
  let afterSeq = 0
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(5000).execute()
    if (page.length === 0) break
    for (const e of page) {
      entries++
      if (e.prev_hash !== prev) return { ok: false, entries, firstBroken: { seq: e.seq, reason: 'prev_hash_mismatch' } }
      if (entryHash(prev, e) !== e.hash) return { ok: false, entries, firstBroken: { seq: e.seq, reason: 'hash_mismatch' } }
      prev = e.hash
      afterSeq = e.seq
    }
  }
  return { ok: true, entries, firstBroken: null }
}
