import type { z } from 'zod'
import type { aggregateExportInput, caseExportInput, clientReportInput, Dashboard, ExportedFile, reportFilter } from '../../../shared/domain/report'
import { appendAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound } from '../errors'
import { ruleSources } from '../collection/rules-source'
import { aggregateFileName, aggregateTable } from './aggregate-export'
import { caseExportFileName, caseExportTable } from './case-export'
import { buildClientReport } from './client-report'
import { computeDashboard } from './dashboard'
import { createLimitationCache } from './limitation-risk'
import { tableToCsv, tableToXlsx, type TableData } from './table-file'

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/**
 * The portfolio dashboard, its exports, case-list exports and the monthly client report. Reads only, except the
 * audit entry of an unmasked export and the stored limitation rows the limitation-risk list fills when missing.
 */
export function reportService(ctx: CoreContext) {
  // The same holiday calendar and calendar key as the work queue, so both read the same stored limitation rows.
  const sources = ruleSources(ctx)
  const risks = createLimitationCache(ctx.db.kysely, ctx.db.raw, () => ({ cal: sources.calendar(), key: sources.calendarKey() }))
  const lenderName = (id: string | undefined): string | null => {
    if (!id) return null
    const row = ctx.db.raw.prepare('SELECT name FROM lenders WHERE id = ?').get(id) as { name: string } | undefined
    if (!row) throw notFound('出借人', 'Lender', id)
    return row.name
  }
  const file = async (t: TableData, format: 'xlsx' | 'csv', fileName: string): Promise<ExportedFile> => ({
    fileName, mime: MIME[format], rows: t.rows.length, base64: (format === 'csv' ? tableToCsv(t) : await tableToXlsx(t)).toString('base64'),
  })

  return {
    async dashboard(f: z.output<typeof reportFilter>): Promise<Dashboard> {
      lenderName(f.lenderId)
      const today = ctx.today()
      return computeDashboard(ctx.db.raw, f, today, await risks(today))
    },

    /**
     * Works out the limitation risks now and stores the loans' limitation rows they need (loan_limitation), so
     * the first dashboard after a seed or an import does not pay for them. Returns how many risks there are.
     */
    async refreshLimitationRisks(): Promise<number> {
      return (await risks(ctx.today())).length
    },

    async exportCases(i: z.output<typeof caseExportInput>): Promise<ExportedFile> {
      const lender = lenderName(i.filter.lenderId)
      const table = await caseExportTable(ctx.db.kysely, i.filter, ctx.today(), i.unmasked)
      if (i.unmasked)
        await appendAudit(ctx.db.kysely, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'export', entityId: 'cases', action: 'export_unmasked', diff: { filter: i.filter, rows: table.rows.length } })
      return file(table, i.format, caseExportFileName(i.filter, lender, ctx.today(), i.format))
    },

    async exportAggregate(i: z.output<typeof aggregateExportInput>): Promise<ExportedFile> {
      const lender = lenderName(i.filter.lenderId)
      const today = ctx.today()
      const d = computeDashboard(ctx.db.raw, i.filter, today, await risks(today))
      return file(aggregateTable(d, i.aggregate), i.format, aggregateFileName(d, i.aggregate, lender, i.format))
    },

    async clientReport(i: z.output<typeof clientReportInput>): Promise<ExportedFile> {
      const lender = lenderName(i.lenderId)!
      const { bytes, rows } = await buildClientReport(ctx, await risks(ctx.today()), i.lenderId, lender, i.month, i.format)
      return { fileName: `${i.month}_${lender}_月度报告.${i.format}`.replace(/[\\/:*?"<>|\s]+/g, '_'), mime: MIME[i.format], rows, base64: Buffer.from(bytes).toString('base64') }
    },
  }
}
