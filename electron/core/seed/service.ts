import { appendAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { createIdFactory } from '../ids'
import { seedCase, seedLenders } from './generate'
import { createRandom } from './random'
import { createSeedWriter } from './write'

export interface SeedReport {
  cases: number
  lenders: number
  seed: number
  ms: number
}

const BATCH = 5_000

/**
 * Fill the store with `n` synthetic cases: deterministic for a seed (and a today's date — days past due are
 * relative to it). Ids come from the same seeded generator, so two runs give identical stores.
 * Batches commit every 5,000 cases; one audit entry records the whole seeding.
 */
export async function seedCases(ctx: CoreContext, n: number, seed = 1, onProgress?: (done: number, total: number) => void): Promise<SeedReport> {
  const started = performance.now()
  const r = createRandom(seed)
  const today = ctx.today()
  const nowIso = ctx.nowIso()
  const newId = createIdFactory(() => Date.parse(nowIso), r.bytes)
  const raw = ctx.db.raw
  const taken = new Set((raw.prepare('SELECT id_number FROM borrowers WHERE id_number IS NOT NULL').pluck().all() as string[]))
  const writer = createSeedWriter(raw, newId, nowIso, today)
  const lenders = seedLenders(r)
  const lenderIds = raw.transaction(() => writer.lenders(lenders))()
  const year = today.slice(0, 4)
  const lastNo = raw.prepare(`SELECT max(case_no) FROM cases WHERE case_no LIKE ?`).pluck().get(`AJ-${year}-%`) as string | null
  let next = lastNo ? Number(lastNo.slice(8)) + 1 : 1
  const contractPrefix = `SD${seed}-${year}`
  const contractNoStart = raw.prepare(`SELECT count(*) FROM loans WHERE contract_no LIKE ?`).pluck().get(`${contractPrefix}%`) as number
  const writeBatch = raw.transaction((count: number, done: number) => {
    for (let i = 0; i < count; i++) {
      const caseNo = `AJ-${year}-${String(next++).padStart(6, '0')}`
      writer.kase(seedCase(r, today, lenders, taken), caseNo, `${contractPrefix}-${String(contractNoStart + done + i + 1).padStart(7, '0')}`, lenderIds)
    }
    writer.flushSearch()
  })
  for (let done = 0; done < n; done += BATCH) {
    writeBatch(Math.min(BATCH, n - done), done)
    onProgress?.(Math.min(n, done + BATCH), n)
  }
  await appendAudit(ctx.db.kysely, { actor: ctx.platform.actor, at: nowIso, entity: 'store', entityId: 'seed', action: 'seed', diff: { cases: n, seed } })
  return { cases: n, lenders: lenders.length, seed, ms: Math.round(performance.now() - started) }
}
