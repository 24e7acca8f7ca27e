import { join } from 'node:path'
import type { BatchParams, BatchResult } from '../../../shared/domain/documents'
import { defineJob } from '../jobs/registry'
import type { BatchUnit } from './batch-plan'
import type { RenderedDocument } from './case-documents'
import { writeCombinedPdf } from './batch-plan'

interface UnitResult {
  caseNo: string
  path: string
  missing: string[]
  /** Sent by the worker for `commit` to register; dropped once registered. */
  rendered?: RenderedDocument
}

/**
 * `documents.batch`: one document type for every case of a filter, in worker threads on both cores.
 * Each worker fills, renders and writes `{caseNo}-{type}.{ext}` atomically into the folder; the main thread
 * registers the documents on their cases in groups (`commit`). A case that fails is listed in the job's
 * errors and the rest go on. At the end (also after a cancel) the files are listed in case order and, when
 * asked, combined into one PDF for printing.
 */
export const documentsBatchJob = defineJob('documents.batch', {
  async plan(services, params: BatchParams): Promise<BatchUnit[]> {
    return services.documents.planBatch(params)
  },
  label: (u: BatchUnit) => u.caseNo,
  // A letter needs a few MB; with no cap each worker's heap grew for thousands of letters before collecting.
  workerHeapMb: 160,
  async runUnit(ctx, u: BatchUnit): Promise<UnitResult> {
    const p = ctx.params as BatchParams
    const { path, ...rendered } = await ctx.services.documents.renderForCase({ caseId: u.caseId, type: p.type, format: p.format, asOf: p.asOf, templateId: p.templateId, outDir: p.outDir })
    return { caseNo: u.caseNo, path: path!, missing: rendered.missing, rendered }
  },
  /** The workers render and write; registration happens here, a group of documents per transaction. */
  async commit(services, _params, done): Promise<UnitResult[]> {
    await services.documents.registerRendered(done.map((d) => d.result.rendered!))
    return done.map(({ result: { rendered: _, ...kept } }) => kept)
  },
  async finish(_services, params: BatchParams, results: { unit: BatchUnit; result: UnitResult }[]): Promise<BatchResult> {
    const done = results.map((r) => r.result).sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0))
    const files = done.map((r) => r.path)
    const combined = params.combinedPdf && files.length ? await writeCombinedPdf(files, join(params.outDir, `combined-${params.type}.pdf`)) : null
    return { files, combined, documents: files.length, missing: done.filter((r) => r.missing.length).map((r) => ({ caseNo: r.caseNo, fields: r.missing })) }
  },
})
