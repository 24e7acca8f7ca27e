import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import type { ReviewBatchItem, ReviewBatchResult, reviewBatchInput } from '../../../shared/domain/review'
import { UserError } from '../errors'
import { defineJob } from '../jobs/registry'

/**
 * `review.batch`: many contract files reviewed in worker threads on both cores (1,000 contracts with a progress
 * bar). `plan` finds every uploaded file before anything starts (an unknown upload id refuses the whole batch);
 * each worker reviews one file and stores it as a review; a file that cannot be read (scanned PDF, empty, wrong
 * type) becomes that file's error and the rest go on; cancel stops handing out files. At the end the staged
 * uploads are discarded.
 */
export const REVIEW_BATCH_JOB = 'review.batch'

type Params = z.output<typeof reviewBatchInput>
interface Unit {
  index: number
  name: string
  path: string
}

export const reviewBatchJob = defineJob(REVIEW_BATCH_JOB, {
  async plan(services, p: Params): Promise<Unit[]> {
    return p.uploadIds.map((id, index) => {
      const f = services.import.uploadedFile(id)
      return { index, name: f.fileName, path: f.path }
    })
  },
  label: (u: Unit) => u.name,
  async runUnit(ctx, u: Unit): Promise<ReviewBatchItem & { index: number }> {
    const { uploadIds: _ids, ...opts } = ctx.params as Params
    let bytes: Uint8Array
    try {
      bytes = readFileSync(u.path)
    } catch {
      throw new UserError('REVIEW_FILE_MISSING', `${u.name}：上传的文件已不存在`, `${u.name}: the uploaded file is gone`)
    }
    const r = await ctx.services.reviews.runFile(u.name, bytes, opts)
    const n = (s: string) => r.findings.filter((f) => f.severity === s).length
    return { index: u.index, name: u.name, reviewId: r.id, critical: n('critical'), warning: n('warning'), info: n('info'), allInAnnualCost: r.allInAnnualCost }
  },
  async finish(services, p: Params, results, errors): Promise<ReviewBatchResult> {
    // The staged copies are done with: a reviewed file is in the content store with its review; after a cancel
    // the user chooses the rest again.
    for (const id of p.uploadIds) services.import.discardUpload(id)
    const items = results.map((r) => r.result).sort((a, b) => a.index - b.index).map(({ index: _i, ...item }) => item)
    return { items, failed: errors.length }
  },
})
