import type { ClaimResult } from '../../../../shared/domain/claim'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { COMPONENT_LABELS, LINE_KIND_LABELS } from './labels'

/** The calculation of `subject` ("案件 AJ-…，合同 XD-…") as plain text, for pasting into a letter or an e-mail (Chinese, as the documents are). */
export function claimAsText(subject: string, asOf: string, r: ClaimResult): string {
  const parts = (Object.keys(COMPONENT_LABELS) as (keyof typeof COMPONENT_LABELS)[]).map((k) => `${COMPONENT_LABELS[k].zh}：${r[k]} 元（按合同约定 ${r.uncapped[k]} 元）`)
  const lines = r.lines.map((l) => `${l.from} 至 ${l.to}（${l.days} 天）${LINE_KIND_LABELS[l.kind].zh}：${l.base} 元 × ${formatRatePercent(l.rate)} = ${l.amount} 元；${l.basis}`)
  return [`${subject}，计算至 ${asOf}（不含当日）`, ...parts, `利率上限：${r.cap.basis}`, '计算明细：', ...lines, ...r.warnings.map((w) => `注：${w.message}`)].join('\n')
}
