import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../electron/core/services'
import { round, summarize, timeAsync } from './stats'
import type { BenchResult } from './types'

/**
 * Issue 8's daily paths over seeded cases (BENCH_CASES, default 10,000): building the 今日 queue (refreshing
 * promises and plans, each loan's stored limitation — computed and stored on the first call after seeding,
 * reported apart — scoring), and logging a contact (guard over the
 * borrower's last 8 days, insert, audit, deadline refresh). Anchor for the queue: one raw SELECT of the open cases.
 */
const N = Number(process.env.BENCH_CASES ?? 10_000)
const NOW = new Date('2026-11-28T04:00:00Z')

export default async function bench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casedesk-bench-collection-'))
  const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench', actor: 'bench', now: () => NOW })
  try {
    await core.services.seed(N, 8)
    const ids = (core.db.raw.prepare(`SELECT id FROM cases WHERE stage != 'closed' ORDER BY id LIMIT 300`).all() as { id: string }[]).map((r) => r.id)
    for (const [i, id] of ids.slice(0, 100).entries()) {
      const r = await core.dispatch('promises.add', { caseId: id, amountFen: 10_000 + i, dueDate: '2026-11-28' })
      if (!r.ok) throw new Error(r.error.message)
    }
    const queue: number[] = []
    let size = 0
    // The first call after seeding computes and stores every loan's limitation (migration 0008); later calls read it.
    for (let i = 0; i < 6; i++) queue.push(await timeAsync(async () => {
      const r = await core.dispatch('queue.today', { limit: 5000 })
      if (!r.ok) throw new Error(r.error.message)
      size = (r.data as unknown[]).length
    }))
    const raw = core.db.raw.prepare(`SELECT id, stage, overdue_since, principal_outstanding_fen FROM cases WHERE stage != 'closed'`)
    const anchor: number[] = []
    for (let i = 0; i < 5; i++) anchor.push(await timeAsync(async () => raw.all()))
    const add: number[] = []
    for (const [i, id] of ids.entries()) {
      add.push(await timeAsync(async () => {
        const r = await core.dispatch('actions.add', { caseId: id, channel: 'phone', target: 'borrower', at: `2026-11-28T${String(8 + (i % 4)).padStart(2, '0')}:15:00+08:00`, outcome: 'answered' })
        if (!r.ok && r.error.code !== 'CONTACT_TOO_FREQUENT') throw new Error(r.error.message)
      }))
    }
    const cold = queue.shift()!
    const q = summarize(queue), a = summarize(anchor), s = summarize(add)
    return [
      {
        name: `collection: queue.today over ${N} seeded cases`, n: N, medianMs: round(q.median), p95Ms: round(q.p95), target: '< 2 s for 10k open cases',
        anchor: { name: 'raw SELECT of open cases', medianMs: round(a.median), ratio: round(q.median / a.median, 1) }, extra: { queueSize: size, firstCallMs: round(cold) },
      },
      { name: 'collection: actions.add (guard + insert + audit + deadline refresh)', n: add.length, medianMs: round(s.median), p95Ms: round(s.p95), throughputPerSec: Math.round(1000 / s.median), target: 'p95 < 50 ms' },
    ]
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
