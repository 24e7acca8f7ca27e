import { STAGE_LABELS } from '../../../shared/domain/enums'
import { fenToYuan } from '../../../shared/domain/money'
import { AGING_BUCKETS, type AGGREGATES, type Dashboard } from '../../../shared/domain/report'
import { safeFileName, type TableData } from './table-file'

export type Aggregate = (typeof AGGREGATES)[number]

export const AGGREGATE_LABELS: Record<Aggregate, string> = {
  aging: '逾期账龄分布',
  funnel: '阶段漏斗',
  months: '月度回款与委案',
  lawyers: '承办人工作量',
  lenders: '出借人分布',
  limitation: '诉讼时效风险',
}

export const BUCKET_LABELS: Record<string, string> = { current: '未逾期', M1: 'M1（1–30天）', M2: 'M2（31–60天）', M3: 'M3（61–90天）', 'M4-M6': 'M4–M6（91–180天）', 'M6+': 'M6+（181天以上）' }

/** One of the dashboard's aggregates as a table with Chinese headers (the same figures the screen shows). */
export function aggregateTable(d: Dashboard, which: Aggregate): TableData {
  const sheet = AGGREGATE_LABELS[which]
  switch (which) {
    case 'aging':
      return {
        sheet,
        columns: [{ header: '账龄', kind: 'text', width: 20 }, { header: '户数', kind: 'int' }, { header: '未还本金（元）', kind: 'money', width: 18 }],
        rows: [['current', ...AGING_BUCKETS] as const].flat().map((b) => {
          const v = b === 'current' ? d.current : d.aging[b]
          return [BUCKET_LABELS[b], v.count, fenToYuan(v.principalFen)]
        }),
      }
    case 'funnel':
      return {
        sheet,
        columns: [{ header: '阶段', kind: 'text' }, { header: '户数', kind: 'int' }, { header: '未还本金（元）', kind: 'money', width: 18 }],
        rows: d.funnel.map((s) => [STAGE_LABELS[s.stage].zh, s.count, fenToYuan(s.principalFen)]),
      }
    case 'months':
      return {
        sheet,
        columns: [{ header: '月份', kind: 'text' }, { header: '回款金额（元）', kind: 'money', width: 18 }, { header: '回款笔数', kind: 'int' }, { header: '新委案件数', kind: 'int' }, { header: '委案时未还本金（元）', kind: 'money', width: 20 }],
        rows: d.months.map((m) => [m.month, fenToYuan(m.recoveredFen), m.repayments, m.placedCases, fenToYuan(m.placedFen)]),
      }
    case 'lawyers':
      return {
        sheet,
        columns: [{ header: '承办人', kind: 'text' }, { header: '在办案件', kind: 'int' }, { header: '在办未还本金（元）', kind: 'money', width: 20 }, { header: '本周催收次数', kind: 'int', width: 14 }, { header: '期间回款（元）', kind: 'money', width: 18 }],
        rows: d.lawyers.map((l) => [l.owner ?? '（未分配）', l.openCases, fenToYuan(l.principalOutstandingFen), l.actionsThisWeek, fenToYuan(l.recoveredFen)]),
      }
    case 'lenders':
      return {
        sheet,
        columns: [{ header: '出借人', kind: 'text', width: 30 }, { header: '出借人ID', kind: 'text', width: 28 }, { header: '在办案件', kind: 'int' }, { header: '在办未还本金（元）', kind: 'money', width: 20 }, { header: '期间回款（元）', kind: 'money', width: 18 }],
        rows: d.lenders.map((l) => [l.lenderName, l.lenderId, l.openCases, fenToYuan(l.principalOutstandingFen), fenToYuan(l.recoveredFen)]),
      }
    case 'limitation':
      return {
        sheet,
        columns: [
          { header: '案件编号', kind: 'text', width: 18 }, { header: '借款人', kind: 'text' }, { header: '出借人', kind: 'text', width: 30 }, { header: '承办人', kind: 'text' },
          { header: '阶段', kind: 'text' }, { header: '合同编号', kind: 'text', width: 22 }, { header: '最后一期到期日', kind: 'text', width: 14 },
          { header: '时效届满日', kind: 'text', width: 12 }, { header: '剩余天数', kind: 'int' }, { header: '届满日待节假日数据确认', kind: 'text', width: 12 },
        ],
        rows: d.limitation.rows.map((r) => [r.caseNo, r.borrowerName, r.lenderName, r.owner, STAGE_LABELS[r.stage].zh, r.contractNo, r.lastInstalmentDue, r.expiry, r.daysLeft, r.provisional ? '是' : '否']),
      }
  }
}

/** 看板_逾期账龄分布_出借人-某公司_2025-12至2026-11_2026-11-28.csv */
export function aggregateFileName(d: Dashboard, which: Aggregate, lenderName: string | null, ext: string): string {
  const parts = ['看板', AGGREGATE_LABELS[which]]
  if (lenderName) parts.push(`出借人-${lenderName}`)
  if (d.filter.owner) parts.push(`承办人-${d.filter.owner}`)
  if (d.filter.stage) parts.push(`阶段-${STAGE_LABELS[d.filter.stage].zh}`)
  parts.push(`${d.period.from}至${d.period.to}`, d.asOf)
  return `${safeFileName(parts.join('_'))}.${ext}`
}
