import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadClaimInputs } from '../electron/core/calc/bulk-inputs'
import { computeClaim, parseClaimInput } from '../electron/core/law/claim'
import { openCore } from '../electron/core/services'
import { round, summarize, timeAsync } from './stats'
import type { BenchResult } from './types'

/**
 * Issue 3: 100,000 stored loans (the seeder's) recalculated as of one date on one thread (target ≥ 20,000
 * loans/s): loading the inputs from the store + the engine, the engine alone, and the same through the
 * contract dispatcher (calc.claim by loan id, on a sample, since each call loads one loan with its own queries).
 */
const N = Number(process.env.BENCH_CASES ?? 100_000)
const AS_OF = '2026-11-28'

export default async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casedesk-bench-'))
  const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench', actor: 'bench', now: () => new Date('2026-11-28T04:00:00Z') })
  await core.services.seed(N, 1)
  const lpr = await core.services.calc.lprTable()

  let inputs: ReturnType<typeof loadClaimInputs> = []
  const loadMs = await timeAsync(async () => {
    inputs = loadClaimInputs(core.db.raw, AS_OF)
  })
  let check = 0n
  const engineMs = await timeAsync(async () => {
    for (const { input } of inputs) check += BigInt(computeClaim(parseClaimInput(input), lpr).total.replace('.', ''))
  })

  const sample = inputs.filter((_, i) => i % 20 === 0).slice(0, 5000)
  const per: number[] = []
  const dispatchMs = await timeAsync(async () => {
    for (const { loanId } of sample) per.push(await timeAsync(() => core.dispatch('calc.claim', { loanId, asOf: AS_OF })))
  })
  const s = summarize(per)
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  const total = loadMs + engineMs
  return [
    {
      name: 'claims: stored loans recalculated (load + engine, one thread)', n: inputs.length, medianMs: round(total, 1),
      throughputPerSec: round(inputs.length / (total / 1000), 0), target: '≥ 20,000 loans/s',
      extra: { loadMs: round(loadMs, 1), engineMs: round(engineMs, 1), engineOnlyPerSec: round(inputs.length / (engineMs / 1000), 0), totalOfTotalsFen: check.toString() },
    },
    {
      name: 'claims: calc.claim by loan id through the dispatcher', n: sample.length, medianMs: s.median, p95Ms: s.p95,
      throughputPerSec: round(sample.length / (dispatchMs / 1000), 0),
      anchor: { name: 'bulk load + engine per loan', medianMs: round(total / inputs.length, 3), ratio: round(s.median / (total / inputs.length), 1) },
    },
  ]
}
