import { defineJob } from '../jobs/registry'
import type { BundleResult } from '../../../shared/domain/evidence'

/**
 * Building a bundle as a job: one unit (the case), run in a worker so the app stays responsive, with
 * progress per exhibit. `plan` checks the case has exhibits before anything starts.
 */
export interface BundleJobParams {
  caseId: string
  out?: string
  batesPrefix?: string
}

export const bundleJob = defineJob('evidence.bundle', {
  async plan(services, p: BundleJobParams) {
    const items = await services.evidence.list(p.caseId)
    if (items.length === 0) await services.evidence.bundle({ caseId: p.caseId }) // throws EVIDENCE_NONE with its message
    return [p.caseId]
  },
  label: (caseId: string) => caseId,
  maxThreads: 1,
  async runUnit(ctx, caseId: string): Promise<BundleResult> {
    const p = ctx.params as BundleJobParams
    return ctx.services.evidence.bundle({ caseId, out: p.out, batesPrefix: p.batesPrefix, onProgress: (done, total, current) => ctx.progress(done, total, current) })
  },
  async finish(_s, _p, results): Promise<BundleResult | null> {
    return results[0]?.result ?? null
  },
})
