import { EVIDENCE_KIND_LABELS, type EvidenceGap, type EvidenceKind } from '../../../shared/domain/evidence'
import { STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import type { Executor } from '../audit/log'
import { notFound } from '../errors'

/**
 * What a case at its stage still lacks. A suit is won on the contract, the proof the money was paid out
 * (放款凭证: 民间借贷 is a 实践合同, the loan exists only once delivered), the borrower's identity and, for
 * limitation, the delivered demand (时效规定第8条). An e-signed contract also needs its certificate.
 */
const NEEDED: Record<Stage, EvidenceKind[]> = {
  new: [],
  collection: ['contract'],
  negotiation: ['contract', 'disbursement'],
  mediation: ['contract', 'disbursement', 'identity'],
  litigation: ['contract', 'disbursement', 'identity', 'repayment_record', 'delivery_proof'],
  enforcement: ['contract', 'disbursement', 'identity'],
  closed: [],
}

const WHY: Partial<Record<EvidenceKind, { zh: string; en: string }>> = {
  disbursement: { zh: '借款是否实际交付须以放款凭证证明', en: 'the loan must be proven actually paid out' },
  delivery_proof: { zh: '催收函/律师函的送达凭证可证明诉讼时效中断', en: 'proof that the demand letter arrived interrupts limitation' },
  esign_certificate: { zh: '电子签约的合同须附电子签名证书或存证报告', en: 'an e-signed contract needs its signature certificate or notarised record' },
  repayment_record: { zh: '还款记录用于核对欠款金额', en: 'repayments are needed to prove the balance' },
  identity: { zh: '被告身份证明用于确认诉讼主体', en: 'identity proves who the defendant is' },
  contract: { zh: '借款合同证明借贷关系及约定', en: 'the contract proves the loan and its terms' },
}

/** The kinds the case's stage calls for that no active exhibit of the case has, with why each matters. */
export async function evidenceGaps(ex: Executor, caseId: string): Promise<EvidenceGap[]> {
  const kase = await ex.selectFrom('cases').select(['stage']).where('id', '=', caseId).executeTakeFirst()
  if (!kase) throw notFound('案件', 'Case', caseId)
  const stage = kase.stage as Stage
  const needed = [...NEEDED[stage]]
  if (needed.length) {
    const electronic = await ex.selectFrom('case_loans as cl').innerJoin('loans as l', 'l.id', 'cl.loan_id').select('l.id').where('cl.case_id', '=', caseId).where('l.signing_method', '=', 'electronic').executeTakeFirst()
    if (electronic) needed.splice(1, 0, 'esign_certificate')
  }
  const have = new Set((await ex.selectFrom('evidence_items').select('kind').where('case_id', '=', caseId).where('removed_at', 'is', null).execute()).map((r) => r.kind))
  const st = STAGE_LABELS[stage]
  return needed.filter((k) => !have.has(k)).map((kind) => ({
    kind,
    message: `${st.zh}阶段缺少${EVIDENCE_KIND_LABELS[kind].zh}：${WHY[kind]?.zh ?? ''}`,
    messageEn: `${st.en}: no ${EVIDENCE_KIND_LABELS[kind].en.toLowerCase()} yet — ${WHY[kind]?.en ?? ''}`,
  }))
}
