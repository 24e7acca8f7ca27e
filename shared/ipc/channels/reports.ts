import type { Dashboard, ExportedFile } from '../../domain/report'
import { aggregateExportInput, caseExportInput, clientReportInput, reportFilter } from '../../domain/report'
import { channel } from '../channel'

/** The portfolio dashboard, exports of case lists and aggregates, and the monthly client report. */
export const reportsChannels = {
  'reports.dashboard': channel<typeof reportFilter, Dashboard>(reportFilter, 'Dashboard numbers for a lender/owner/stage filter and a period of months: aging buckets (M1 … M6+), stage funnel, recovered vs placed by month, promise-kept rate, per-lawyer workload, per-lender figures, limitation risks within 30/90 days.'),
  'reports.exportCases': channel<typeof caseExportInput, ExportedFile>(caseExportInput, 'Every case matching the case-list filters as XLSX or CSV (UTF-8 with BOM), Chinese header row, filters in the file name, ID numbers and phones masked unless unmasked (audited).'),
  'reports.exportAggregate': channel<typeof aggregateExportInput, ExportedFile>(aggregateExportInput, 'One dashboard aggregate (aging, funnel, months, lawyers, lenders, limitation) as XLSX or CSV.'),
  'reports.client': channel<typeof clientReportInput, ExportedFile>(clientReportInput, 'The monthly report for one lender as PDF (with vector charts) or DOCX: figures, stage moves, recoveries, decisions needed.'),
} as const
