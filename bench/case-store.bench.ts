import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { caseListFilter } from '../shared/domain/case'
import { DPD_BUCKETS, STAGES } from '../shared/domain/enums'
import { caseListQueries } from '../electron/core/cases/list'
import { seedCase, seedLenders } from '../electron/core/seed/generate'
import { createRandom } from '../electron/core/seed/random'
import { createSeedWriter } from '../electron/core/seed/write'
import { createIdFactory } from '../electron/core/ids'
import { openCore } from '../electron/core/services'
import type { Statement } from 'better-sqlite3'
import type { BenchResult } from './types'
import { round, summarize, timeAsync } from './stats'

/**
 * Issue 2's targets over 100,000 seeded cases, each beside a hand-written raw better-sqlite3 equivalent:
 * seeding (≥ 20,000 cases/s), a filtered+sorted page through the contract dispatcher (p95 ≤ 15 ms, ≤ 2× raw),
 * search by name, ID and phone fragments (p95 ≤ 30 ms).
 */
const N = Number(process.env.BENCH_CASES ?? 100_000)
const NOW = new Date('2026-11-28T04:00:00Z')
const TODAY = '2026-11-28'

async function freshCore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'casedesk-bench-'))
  const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench', actor: 'bench', now: () => NOW })
  return { core, dataDir }
}

async function seedBench(): Promise<{ result: BenchResult; core: Awaited<ReturnType<typeof freshCore>>['core']; dataDir: string }> {
  // Anchor: the same rows, generated beforehand, written with raw prepared statements in 5,000-row transactions.
  const anchor = await freshCore()
  const r = createRandom(1)
  const lenders = seedLenders(r)
  const taken = new Set<string>()
  const rows = Array.from({ length: N }, () => seedCase(r, TODAY, lenders, taken))
  const raw = anchor.core.db.raw
  const writer = createSeedWriter(raw, createIdFactory(() => NOW.getTime(), r.bytes), NOW.toISOString(), TODAY)
  const lenderIds = raw.transaction(() => writer.lenders(lenders))()
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) writer.kase(rows[i], `AJ-2026-${String(i + 1).padStart(6, '0')}`, `RAW-${i + 1}`, lenderIds)
    writer.flushSearch()
  })
  const anchorMs = await timeAsync(async () => {
    for (let i = 0; i < N; i += 5000) batch(i, Math.min(N, i + 5000))
  })
  await anchor.core.close()
  rmSync(anchor.dataDir, { recursive: true, force: true })

  const ours = await freshCore()
  const report = await ours.core.services.seed(N, 1)
  const result: BenchResult = {
    name: 'seed', n: N, medianMs: report.ms, throughputPerSec: round(N / (report.ms / 1000), 0), target: '≥ 20,000 cases/s',
    anchor: { name: 'raw better-sqlite3 prepared inserts of pre-generated rows', medianMs: round(anchorMs, 1), throughputPerSec: round(N / (anchorMs / 1000), 0), ratio: round(report.ms / anchorMs, 2) },
  }
  return { result, core: ours.core, dataDir: ours.dataDir }
}

export default async function run(): Promise<BenchResult[]> {
  const { result: seed, core, dataDir } = await seedBench()
  core.db.raw.exec('ANALYZE')
  const filters = STAGES.flatMap((stage) =>
    (['dpd_desc', 'amount_desc'] as const).flatMap((sort) => ([undefined, 'M2', 'M6+'] as const).flatMap((dpdBucket) => [0, 1000].map((offset) => ({ stage, sort, dpdBucket, offset, limit: 50 })))),
  )
  // Raw anchor: the same two SQL statements, prepared once, mapped to rows by hand.
  const prepared = new Map<string, { count: Statement<unknown[]>; page: Statement<unknown[]>; cp: unknown[]; pp: unknown[] }>()
  for (const f of filters) {
    const q = caseListQueries(core.db.kysely, caseListFilter.parse(f), TODAY)
    const c = q.count.compile()
    const p = q.page.compile()
    prepared.set(JSON.stringify(f), { count: core.db.raw.prepare(c.sql), page: core.db.raw.prepare(p.sql), cp: [...c.parameters], pp: [...p.parameters] })
  }
  const ours: number[] = []
  const raws: number[] = []
  for (let rep = 0; rep < 4; rep++) {
    for (const f of filters) {
      const st = prepared.get(JSON.stringify(f))!
      const tRaw = await timeAsync(async () => {
        st.count.get(...st.cp)
        st.page.all(...st.pp)
      })
      const tOurs = await timeAsync(() => core.dispatch('cases.list', f))
      if (rep > 0) (raws.push(tRaw), ours.push(tOurs)) // first round warms caches and statements
    }
  }
  const list = summarize(ours)
  const rawList = summarize(raws)

  const names = core.db.raw.prepare(`SELECT name FROM borrowers WHERE length(name) = 3 LIMIT 200`).pluck().all() as string[]
  const ids = core.db.raw.prepare(`SELECT substr(id_number, 15, 4) FROM borrowers LIMIT 200 OFFSET 500`).pluck().all() as string[]
  const phones = core.db.raw.prepare(`SELECT substr(phone, 4, 5) FROM borrower_phones LIMIT 200 OFFSET 900`).pluck().all() as string[]
  const searchBench = async (name: string, qs: string[]): Promise<BenchResult> => {
    const t: number[] = []
    for (const q of qs) t.push(await timeAsync(() => core.dispatch('cases.list', { search: q, limit: 50 })))
    const s = summarize(t.slice(10))
    return { name, n: qs.length - 10, medianMs: s.median, p95Ms: s.p95, target: 'p95 ≤ 30 ms', extra: { cases: N } }
  }
  const results: BenchResult[] = [
    seed,
    {
      name: 'cases.list (filtered, sorted page via dispatcher)', n: ours.length, medianMs: list.median, p95Ms: list.p95, target: 'p95 ≤ 15 ms, ≤ 2× raw',
      anchor: { name: 'same SQL, raw prepared statements', medianMs: rawList.median, ratio: round(list.p95 / rawList.p95, 2) }, extra: { cases: N, rawP95Ms: rawList.p95 },
    },
    await searchBench('search: 3-character name', names),
    await searchBench('search: 4-digit ID fragment', ids),
    await searchBench('search: 5-digit phone fragment', phones),
  ]
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  return results
}
