import { statSync } from 'node:fs'
import type { ImportReport } from '../../../shared/domain/import'
import { defineJob } from '../jobs/registry'
import type { ImportJobParams } from './run'

/**
 * The import as a job: one unit (the file), run in a worker with its own connection, reporting rows as
 * fine progress; cancel stops after the batch being written. The service's `prepare` has already checked
 * the file and the mapping, so the job only fails for reasons found while reading.
 */
export const IMPORT_JOB = 'import.file'

/**
 * The import worker's old-space cap. What a run keeps for its whole length is small — a batch of rows, one
 * duplicate-tracker entry per row and one ID number per borrower (~120 bytes a row: under 2 bytes per byte of
 * a file whose rows are 60 bytes or longer; XLSX shared strings live outside the heap) — but V8 let an
 * uncapped worker's heap fill with garbage to several times that before collecting: a 100,000-row CSV
 * peaked at 366 MB, an XLSX at over 500. Sized to the file, so a large file's tracker still fits.
 */
export function importHeapMb(p: Pick<ImportJobParams, 'path'>): number {
  let bytes = 0
  try {
    bytes = statSync(p.path).size
  } catch {
    // The job will report the missing file; the cap does not matter then.
  }
  return 128 + 2 * Math.ceil(bytes / 2 ** 20)
}

export const importJob = defineJob(IMPORT_JOB, {
  maxThreads: 1,
  workerHeapMb: importHeapMb,
  // Rows are read, validated and written in quick succession: a 16 MB young generation is scavenged twice as
  // often as V8's default 32 at no measurable CPU cost (bench/import), and holds 20 MB less garbage at a time.
  workerYoungMb: 16,
  async plan(_s, p: ImportJobParams) {
    return [p]
  },
  label: (p: ImportJobParams) => p.fileName,
  async runUnit(ctx, p: ImportJobParams): Promise<ImportReport> {
    return ctx.services.import.run(p, { cancelled: ctx.cancelled, progress: ctx.progress })
  },
  async finish(s, _p, results): Promise<ImportReport | null> {
    const report = (results[0]?.result as ImportReport | undefined) ?? null
    // New or changed loans have no stored limitation yet: the dashboard's limitation risks are filled now,
    // in the main thread, instead of on the next dashboard call.
    // A failure here is not the import's: the dashboard computes them itself next time.
    if (report && !report.dryRun && report.imported + report.updated > 0) await s.reports.refreshLimitationRisks().catch(() => undefined)
    return report
  },
})
