import { readFileSync } from 'node:fs'
import os from 'node:os'
import { addMonths } from '../shared/domain/date'
import type { ClaimInput } from '../shared/domain/claim'
import { computeClaim } from '../electron/core/law/claim/index'
import { parseLprTable } from '../electron/core/law/lpr'
import type { BenchResult } from './types'

/**
 * Issue 3 benchmark: 100,000 synthetic stored loans (12 monthly instalments, 0–3 payments, both regimes,
 * some with 砍头息, fees, penalties and flat penalties) recalculated as of one date on one thread.
 * Target: ≥ 20,000 loans/s.
 */

const AS_OF = '2025-06-30'
const N = 100_000
const BATCH = 1_000

/** Small deterministic PRNG (mulberry32) so every run computes the same loans. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** One synthetic loan, shaped like the stored loans the lead's adapter will hand over. */
export function syntheticLoan(r: () => number): ClaimInput {
  const licensed = r() < 0.5
  const start = addMonths('2023-01-05', Math.floor(r() * 24))
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0')
  const disbursementDate = `${start.slice(0, 8)}${day}`
  const instalmentFen = 10_000 * (20 + Math.floor(r() * 400))
  const contractFen = instalmentFen * 12
  const disbursedFen = r() < 0.3 ? contractFen - instalmentFen : contractFen
  const schedule = Array.from({ length: 12 }, (_, i) => ({ dueDate: addMonths(disbursementDate, i + 1), principal: yuan(instalmentFen) }))
  const payments = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    date: addMonths(disbursementDate, i + 1),
    amount: yuan(Math.floor(instalmentFen * (0.3 + r() * 0.6))),
  }))
  return {
    regime: licensed ? 'licensed' : 'private',
    contractDate: disbursementDate,
    disbursementDate,
    contractAmount: yuan(contractFen),
    disbursedAmount: yuan(disbursedFen),
    rateTerm: ['0.12', '0.18', '0.24', '0.36'][Math.floor(r() * 4)],
    feeRateTerm: r() < 0.4 ? '0.06' : undefined,
    rateOverdue: r() < 0.7 ? '0.36' : undefined,
    penaltyRate: r() < 0.3 ? '0.12' : undefined,
    feeRateOverdue: r() < 0.2 ? '0.05' : undefined,
    penaltyFlat: r() < 0.2 ? '200.00' : undefined,
    schedule,
    payments,
    expenses: r() < 0.1 ? [{ date: '2025-01-10', amount: '500.00' }] : [],
    asOf: AS_OF,
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const lpr = parseLprTable(JSON.parse(readFileSync(new URL('../resources/data/lpr.json', import.meta.url), 'utf8')))
  const r = rng(20250630)
  const loans = Array.from({ length: N }, () => syntheticLoan(r))
  for (let i = 0; i < 2_000; i++) computeClaim(loans[i], lpr) // warm-up

  const batchMs: number[] = []
  let checksumFen = 0n
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  for (let b = 0; b < N; b += BATCH) {
    const tb = performance.now()
    for (let i = b; i < b + BATCH; i++) {
      const res = computeClaim(loans[i], lpr)
      checksumFen += BigInt(res.total.replace('.', ''))
    }
    batchMs.push(performance.now() - tb)
  }
  const totalMs = performance.now() - t0
  // CPU time of this process (includes GC helper threads): on a shared machine wall time overstates the cost.
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  batchMs.sort((x, y) => x - y)
  const median = batchMs[Math.floor(batchMs.length / 2)]
  // The same loans, totals only (computeClaim(..., { lines: false })): the batch-recalculation path.
  const t1 = performance.now()
  const cpu1 = process.cpuUsage()
  const batchMsTotals: number[] = []
  let checksumTotalsFen = 0n
  for (let b = 0; b < N; b += BATCH) {
    const tb = performance.now()
    for (let i = b; i < b + BATCH; i++) checksumTotalsFen += BigInt(computeClaim(loans[i], lpr, { lines: false }).total.replace('.', ''))
    batchMsTotals.push(performance.now() - tb)
  }
  const totalsMs = performance.now() - t1
  const cpuT = process.cpuUsage(cpu1)
  const cpuTotalsMs = (cpuT.user + cpuT.system) / 1000
  batchMsTotals.sort((x, y) => x - y)
  if (checksumTotalsFen !== checksumFen) throw new Error('totals-only path disagrees with the full result')

  return [
    {
      name: 'claim-engine: 100k loans as of one date, single thread',
      n: N,
      medianMs: Number(median.toFixed(3)),
      p95Ms: Number(batchMs[Math.floor(batchMs.length * 0.95)].toFixed(3)),
      throughputPerSec: Math.round((N / totalMs) * 1000),
      target: '>= 20000 loans/s',
      extra: {
        unit: 'ms per 1,000 loans (wall)',
        totalMs: Math.round(totalMs),
        cpuMs: Math.round(cpuMs),
        loansPerCpuSecond: Math.round((N / cpuMs) * 1000),
        loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
        checksumTotalYuan: `${checksumFen / 100n}.${String(checksumFen % 100n).padStart(2, '0')}`,
      },
    },
    {
      name: 'claim-engine: 100k loans, totals only (lines: false), single thread',
      n: N,
      medianMs: Number(batchMsTotals[Math.floor(batchMsTotals.length / 2)].toFixed(3)),
      p95Ms: Number(batchMsTotals[Math.floor(batchMsTotals.length * 0.95)].toFixed(3)),
      throughputPerSec: Math.round((N / totalsMs) * 1000),
      target: '>= 20000 loans/s',
      extra: {
        unit: 'ms per 1,000 loans (wall)',
        cpuMs: Math.round(cpuTotalsMs),
        loansPerCpuSecond: Math.round((N / cpuTotalsMs) * 1000),
        loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
      },
    },
  ]
}
