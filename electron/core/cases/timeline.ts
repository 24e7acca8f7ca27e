import type { TimelineEntry } from '../../../shared/domain/case'
import { STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import type { Executor } from '../audit/log'
import { formatFen } from '../../../shared/domain/money'


/** Everything that happened on a case, newest first: stages, repayments, contacts, documents, court events, acknowledgements, assets found. */
export async function caseTimeline(ex: Executor, caseId: string): Promise<TimelineEntry[]> {
  const c = await ex.selectFrom('cases').select(['created_at', 'opened_on']).where('id', '=', caseId).executeTakeFirstOrThrow()
  const out: TimelineEntry[] = [{ at: c.created_at, kind: 'opened', title: '立案 / Case opened', detail: c.opened_on }]
  for (const s of await ex.selectFrom('stage_history').selectAll().where('case_id', '=', caseId).execute()) {
    const from = s.from_stage ? STAGE_LABELS[s.from_stage as Stage].zh : '—'
    out.push({ at: s.at, kind: 'stage', title: `阶段：${from} → ${STAGE_LABELS[s.to_stage as Stage].zh}`, detail: s.reason ?? undefined })
  }
  const repayments = await ex
    .selectFrom('repayments as r')
    .innerJoin('case_loans as cl', 'cl.loan_id', 'r.loan_id')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .select(['r.date', 'r.amount_fen', 'r.created_at', 'l.contract_no'])
    .where('cl.case_id', '=', caseId)
    .execute()
  for (const r of repayments) out.push({ at: `${r.date}T00:00:00.000Z`, kind: 'repayment', title: `还款 ¥${formatFen(r.amount_fen)}`, detail: `合同 ${r.contract_no}` })
  for (const a of await ex.selectFrom('collection_actions').selectAll().where('case_id', '=', caseId).execute())
    out.push({ at: a.at, kind: 'action', title: `${a.channel} → ${a.target}${a.outcome ? `：${a.outcome}` : ''}`, detail: a.note ?? undefined })
  for (const d of await ex.selectFrom('documents').selectAll().where('case_id', '=', caseId).execute())
    out.push({ at: d.created_at, kind: 'document', title: `文书：${d.doc_type} (${d.format})`, detail: d.file_name })
  for (const e of await ex.selectFrom('court_events').selectAll().where('case_id', '=', caseId).execute())
    out.push({ at: `${e.date}T00:00:00.000Z`, kind: 'court', title: `法院：${e.kind}`, detail: [e.court, e.court_case_no].filter(Boolean).join(' ') || undefined })
  for (const a of await ex.selectFrom('acknowledgements').selectAll().where('case_id', '=', caseId).execute())
    out.push({ at: `${a.signed_on}T00:00:00.000Z`, kind: 'fact', title: `债务确认书${a.amount_fen !== null ? ` ¥${formatFen(a.amount_fen)}` : ''}`, detail: a.note ?? undefined })
  for (const a of await ex.selectFrom('known_assets').selectAll().where('case_id', '=', caseId).execute())
    out.push({ at: `${a.found_on}T00:00:00.000Z`, kind: 'fact', title: `已知财产：${a.description}${a.value_fen !== null ? ` ¥${formatFen(a.value_fen)}` : ''}`, detail: a.source ?? undefined })
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}
