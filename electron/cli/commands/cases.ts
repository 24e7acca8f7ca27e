import { STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import { formatFen } from '../../../shared/domain/money'
import { intOption, UsageError } from '../args'
import { invoke, type Command } from './index'

/** Stage may be given as its code (collection) or its Chinese label (催收). */
function parseStage(v: string | true | undefined): Stage | undefined {
  if (v === undefined) return undefined
  const s = String(v)
  const byLabel = STAGES.find((k) => STAGE_LABELS[k].zh === s)
  if (byLabel) return byLabel
  if ((STAGES as readonly string[]).includes(s)) return s as Stage
  throw new UsageError(`未知阶段 ${s}，可选：${STAGES.map((k) => `${k}/${STAGE_LABELS[k].zh}`).join(' ')} / unknown stage`)
}

export const casesCommand: Command = async ({ args, options, out, open }) => {
  const [sub, id] = args
  const core = await open()
  if (sub === 'list') {
    const search = typeof options.search === 'string' ? options.search : undefined
    const list = await invoke(core, 'cases.list', { search, stage: parseStage(options.stage), limit: intOption(options, 'limit', 50, 1, 500) })
    const rows = list.rows.map((r) => ({ id: r.id, caseNo: r.caseNo, borrowerName: r.borrowerName, stage: r.stage, daysPastDue: r.daysPastDue, principalOutstandingFen: r.principalOutstandingFen }))
    out.result(rows, () =>
      [`共 ${list.total} 件，显示 ${rows.length} 件 / ${list.total} cases, ${rows.length} shown`,
        ...list.rows.map((r) => `${r.caseNo}\t${r.borrowerName}\t${STAGE_LABELS[r.stage].zh}\t逾期 ${r.daysPastDue} 天\t本金 ¥${formatFen(r.principalOutstandingFen)}\t${r.id}`)].join('\n'))
    return 0
  }
  if (sub === 'show') {
    if (!id) throw new UsageError('cases show 需要案件 ID / cases show needs a case id')
    const detail = await invoke(core, 'cases.get', { id })
    const borrower = await invoke(core, 'borrowers.get', { id: detail.borrowerId })
    const loans = await invoke(core, 'loans.listForCase', { id })
    const doc = { ...detail, borrower, loans }
    out.result(doc, () =>
      [`${detail.caseNo}  ${STAGE_LABELS[detail.stage].zh}  逾期 ${detail.daysPastDue} 天  未还本金 ¥${formatFen(detail.principalOutstandingFen)}`,
        `借款人：${borrower.name}  ${borrower.idNumberMasked ?? ''}  ${borrower.phonesMasked.map((p) => p.phone).join(' ')}`,
        ...loans.map((l) => `合同 ${l.contractNo}：合同金额 ¥${formatFen(l.contractAmountFen)}，实际放款 ¥${formatFen(l.disbursedAmountFen)}，${l.lenderName}`),
        ...detail.timeline.map((t) => `${t.at.slice(0, 10)}  ${t.title}${t.detail ? `（${t.detail}）` : ''}`)].join('\n'))
    return 0
  }
  throw new UsageError('用法：cases list | cases show ID / usage: cases list | cases show ID')
}
