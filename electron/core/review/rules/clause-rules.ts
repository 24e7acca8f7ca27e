import { finding, type Rule } from './context'

/**
 * Clause rules: arbitration (closes the court door), agreed jurisdiction, acceleration, unfair standard terms
 * (民法典第496–497条) and electronic signing (evidence that must be kept). One finding per clause.
 */

export const arbitrationClause: Rule = (ctx) => {
  const withCourt = ctx.terms.jurisdiction.length > 0
  return ctx.terms.arbitration.map((t) =>
    finding(ctx, 'ARBITRATION_CLAUSE', 'warning', t, {
      basis: withCourt
        ? '《仲裁法》第5条、第16条；《最高人民法院关于适用〈中华人民共和国仲裁法〉若干问题的解释》第7条（或裁或诉）'
        : '《仲裁法》第5条、第16条',
      message: withCourt
        ? `约定由${t.value.commission}仲裁，同时又约定法院管辖：属"或裁或诉"，仲裁协议可能无效，需先核实。`
        : `约定由${t.value.commission}仲裁：有效的仲裁协议排除法院管辖，起诉前须确认仲裁条款是否有效。`,
      messageEn: withCourt
        ? `Arbitration by ${t.value.commission} is agreed together with a court: an "either arbitration or court" clause may be void.`
        : `Arbitration by ${t.value.commission} is agreed: a valid arbitration clause closes the court door.`,
      effect: withCourt ? 'forum uncertain: check whether the arbitration clause is valid' : 'claim goes to arbitration, not to court, unless the clause is invalid',
    }),
  )
}

export const jurisdictionClause: Rule = (ctx) =>
  ctx.terms.jurisdiction.map((t) =>
    finding(ctx, 'JURISDICTION_CLAUSE', 'info', t, {
      basis: '《民事诉讼法》第35条（协议管辖）；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第31条（格式条款约定管辖须提示）',
      message: `约定由${t.value.court}管辖：须与争议有实际联系，格式条款中的管辖约定须已合理提示。`,
      messageEn: `Jurisdiction agreed: ${t.value.court}. It must have a real connection to the dispute, and as a standard term it must have been brought to the borrower's attention.`,
      effect: `file at ${t.value.court} if the clause holds`,
    }),
  )

export const accelerationClause: Rule = (ctx) =>
  ctx.terms.acceleration.slice(0, 1).map((t) =>
    finding(ctx, 'ACCELERATION_CLAUSE', 'info', t, {
      basis: '合同约定（加速到期条款）；《民法典》第562条、第565条',
      message: '约定加速到期：可主张全部未到期本金，但须证明触发条件成就并已通知借款人（起诉状副本送达亦可视为通知）。',
      messageEn: 'Acceleration is agreed: the whole unpaid principal can be claimed once the trigger occurred and the borrower was notified.',
      effect: 'the whole outstanding principal becomes due, not only the overdue instalments',
    }),
  )

const UNFAIR_WORDS: Record<string, [string, string]> = {
  'waiver-of-defences': ['要求借款人放弃抗辩或异议等主要权利', 'makes the borrower waive defences or objections'],
  'unilateral-change': ['由贷款人单方变更利率、费用或合同内容', 'lets the lender change rates, fees or terms unilaterally'],
  'liability-exclusion': ['免除贷款人责任', "excludes the lender's liability"],
  'final-interpretation': ['约定由一方享有最终解释权', 'reserves the final interpretation to one party'],
}

export const unfairStandardTerm: Rule = (ctx) =>
  ctx.terms.unfairTerms.map((t) => {
    const [zh, en] = UNFAIR_WORDS[t.value.kind]
    return finding(ctx, 'UNFAIR_STANDARD_TERM', 'warning', t, {
      basis: '《民法典》第496条（提示说明义务）、第497条（不合理地免除或者减轻其责任、加重对方责任、限制或排除对方主要权利的格式条款无效）',
      message: `格式条款${zh}，可能无效；贷款人不得依此主张权利。`,
      messageEn: `A standard term ${en}; it is likely void and cannot be relied on.`,
      effect: 'do not rely on this clause in the claim',
    })
  })

export const electronicSignature: Rule = (ctx) =>
  ctx.terms.electronicSignature.slice(0, 1).map((t) =>
    finding(ctx, 'ELECTRONIC_SIGNATURE', 'info', t, {
      basis: '《电子签名法》第13条、第14条；《最高人民法院关于民事诉讼证据的若干规定》第14条、第15条',
      message: '合同以电子方式签署：需提供电子签名认证证书、签约平台的签署记录和存证，证明系借款人本人签署。',
      messageEn: 'Signed electronically: the signing certificate and the platform records are needed to prove the borrower signed.',
      effect: 'evidence needed: signing certificate, platform signing log, hash/timestamp records',
    }),
  )

/**
 * PROFESSIONAL_LENDING (职业放贷): a company without a lending licence lending for profit. One contract cannot show
 * that it lends "to the public, repeatedly", so this is information for the lawyer to check, not a verdict
 * (LEGAL-RULES §A.1: 第13条第三项, "reviewer flag"). Raised for a private-regime lender that is an organisation
 * (it has a 统一社会信用代码 or a company name); a natural person lending is not flagged.
 */
const COMPANY = /公司|企业|合伙|中心|工作室|商行|经营部/
export const professionalLending: Rule = (ctx) => {
  if (ctx.regime !== 'private') return []
  const lender = ctx.terms.lender.find((l) => l.value.creditCode || COMPANY.test(l.value.name))
  if (!lender) return []
  return [
    finding(ctx, 'PROFESSIONAL_LENDING', 'info', lender, {
      basis: '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020年第二次修正）第13条第三项',
      message: `出借人${lender.value.name}为未取得放贷资格的企业：若查明其以营利为目的向社会不特定对象出借（职业放贷），借款合同无效；起诉前须核查其放贷的次数、对象和经营范围。`,
      messageEn: `The lender ${lender.value.name} is a company without a lending licence: if it lends for profit to the public at large (professional lending), the contract is void; check how often and to whom it lends before suing.`,
      effect: 'if professional lending is found, the contract is void: claim the principal back, not the contract interest',
    }),
  ]
}

/** The contract yields nothing recognisable: say so instead of returning an empty, reassuring list. */
export const noTermsFound: Rule = (ctx) => {
  const t = ctx.terms
  const any = t.contractAmountFen.length + t.interestRate.length + t.lender.length + t.borrower.length + t.fees.length + t.overdueRate.length
  if (any > 0) return []
  return [
    finding(ctx, 'NO_TERMS_FOUND', 'warning', null, {
      basis: '—',
      message: '未能从文本中识别出借款合同的主要条款（当事人、金额、利率），请核对文件或手工录入。',
      messageEn: 'No loan terms (parties, amount, rate) could be recognised in the text; check the file or enter the terms by hand.',
      effect: 'no review possible until the terms are entered',
    }),
  ]
}

export const clauseRules: Rule[] = [arbitrationClause, jurisdictionClause, accelerationClause, unfairStandardTerm, electronicSignature, professionalLending]
