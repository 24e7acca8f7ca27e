import type { z } from 'zod'
import { caseListFilter } from '../../../shared/domain/case'
import { daysBetween } from '../../../shared/domain/date'
import { STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import { fenToYuan } from '../../../shared/domain/money'
import type { caseExportInput } from '../../../shared/domain/report'
import type { Executor } from '../audit/log'
import { maskPhone } from '../borrowers/mask'
import { caseListQueries } from '../cases/list'
import { maskIdNumber } from '../law/id-number'
import { safeFileName, type TableData } from './table-file'

type ExportFilter = z.output<typeof caseExportInput>['filter']

/**
 * Every case the list would show for the same filters (all pages, one row each), with the same masking:
 * ID numbers and phones masked unless `unmasked`. Reuses the list's own query (cases/list.ts), so an export
 * never disagrees with the screen it was made from.
 */
export async function caseExportTable(ex: Executor, f: ExportFilter, today: string, unmasked: boolean): Promise<TableData> {
  const parsed = caseListFilter.parse({ ...withoutLender(f), offset: 0, limit: 1 })
  let q = caseListQueries(ex, { ...parsed, limit: -1 }, today).page.select(['c.opened_on', 'c.repaid_fen'])
  if (f.lenderId) q = q.where('c.lender_id', '=', f.lenderId)
  const rows = await q.execute()
  return {
    sheet: '案件清单',
    columns: [
      { header: '案件编号', kind: 'text', width: 18 },
      { header: '借款人', kind: 'text' },
      { header: '身份证号', kind: 'text', width: 22 },
      { header: '手机号', kind: 'text', width: 15 },
      { header: '出借人', kind: 'text', width: 30 },
      { header: '阶段', kind: 'text' },
      { header: '承办人', kind: 'text' },
      { header: '立案日期', kind: 'text', width: 12 },
      { header: '逾期起始日', kind: 'text', width: 12 },
      { header: '逾期天数', kind: 'int' },
      { header: '未还本金（元）', kind: 'money', width: 16 },
      { header: '已还金额（元）', kind: 'money', width: 16 },
    ],
    rows: rows.map((r) => [
      r.case_no, r.borrower_name,
      r.id_number ? (unmasked ? r.id_number : maskIdNumber(r.id_number)) : null,
      r.phone ? (unmasked ? r.phone : maskPhone(r.phone)) : null,
      r.lender_name, STAGE_LABELS[r.stage as Stage].zh, r.owner, r.opened_on, r.overdue_since,
      r.overdue_since && r.overdue_since < today ? daysBetween(r.overdue_since, today) : 0,
      fenToYuan(r.principal_outstanding_fen), fenToYuan(r.repaid_fen),
    ]),
  }
}

function withoutLender(f: ExportFilter) {
  const { lenderId: _l, ...rest } = f
  return rest
}

/** 案件清单_阶段-催收_承办人-张律师_2026-11-28.xlsx: the filters in the name, so two exports never look alike. */
export function caseExportFileName(f: ExportFilter, lenderName: string | null, today: string, ext: string): string {
  const parts = ['案件清单']
  if (f.stage) parts.push(`阶段-${STAGE_LABELS[f.stage].zh}`)
  if (f.owner) parts.push(`承办人-${f.owner}`)
  if (lenderName) parts.push(`出借人-${lenderName}`)
  if (f.dpdBucket) parts.push(`账龄-${f.dpdBucket}`)
  if (f.search) parts.push(`搜索-${f.search}`)
  if (f.minAmountFen !== undefined) parts.push(`本金不低于-${fenToYuan(f.minAmountFen)}`)
  if (f.maxAmountFen !== undefined) parts.push(`本金不高于-${fenToYuan(f.maxAmountFen)}`)
  parts.push(today)
  return `${safeFileName(parts.join('_'))}.${ext}`
}
