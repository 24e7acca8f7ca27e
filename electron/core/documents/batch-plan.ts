import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import type { BatchParams } from '../../../shared/domain/documents'
import { addDays } from '../../../shared/domain/date'
import type { Executor } from '../audit/log'
import { caseListQueries } from '../cases/list'
import { UserError } from '../errors'
import { writeFileAtomic } from '../files/content-store'

/** One unit of a batch: a case. */
export interface BatchUnit {
  caseId: string
  caseNo: string
}

/**
 * The output folder must exist or be creatable, and take a file: checked by writing and removing a probe,
 * so a read-only or missing drive is reported before any work starts.
 */
export function assertWritableDir(dir: string): string {
  const abs = isAbsolute(dir) ? dir : resolve(dir)
  const probe = join(abs, `.casedesk-probe-${randomBytes(4).toString('hex')}`)
  try {
    mkdirSync(abs, { recursive: true })
    writeFileSync(probe, '')
    rmSync(probe, { force: true })
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    throw new UserError('OUTPUT_DIR_NOT_WRITABLE', `无法写入输出文件夹 ${abs}（${reason}），请换一个文件夹`, `Cannot write to the output folder ${abs} (${reason}); choose another folder`, { field: 'outDir', details: { dir: abs, reason } })
  }
  return abs
}

/** The cases a batch covers, in the filter's order (case number by default). */
export async function batchCases(ex: Executor, p: BatchParams, today: string): Promise<BatchUnit[]> {
  const { minDpd, ...filter } = p.filter
  let { page } = caseListQueries(ex, { ...filter, offset: 0, limit: Number.MAX_SAFE_INTEGER }, today)
  if (minDpd !== undefined) page = page.where('c.overdue_since', '<=', addDays(today, -minDpd))
  const rows = await page.execute()
  return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no }))
}

/** Refuse a batch that cannot work before it starts. */
export function checkBatchParams(p: BatchParams): void {
  if (p.combinedPdf && p.format !== 'pdf')
    throw new UserError('BATCH_COMBINED_NEEDS_PDF', '合并打印文件只能用于 PDF 格式', 'A combined print file needs the PDF format', { field: 'combinedPdf' })
}

/**
 * One PDF with every document of the batch, in order, for printing in one go (pdf-lib copyPages).
 * Written atomically beside the single files.
 */
export async function writeCombinedPdf(paths: string[], target: string): Promise<string> {
  const { PDFDocument } = await import('pdf-lib') // loaded only when a combined print file is asked for
  const combined = await PDFDocument.create()
  for (const path of paths) {
    const doc = await PDFDocument.load(readFileSync(path))
    for (const page of await combined.copyPages(doc, doc.getPageIndices())) combined.addPage(page)
  }
  writeFileAtomic(target, await combined.save())
  return target
}
