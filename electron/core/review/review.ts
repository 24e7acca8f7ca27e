import { isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'
import type { LprTable } from '../law/lpr'
import { capFor, inferRegime } from './cap'
import { applyCorrections, type TermCorrection } from './corrections'
import { extractTerms } from './extract-terms'
import { resolveLprRates } from './lpr-rates'
import { annualiseIrr, periodicIrr } from './irr'
import { yuanToFen } from './numbers'
import { clauseRules, noTermsFound } from './rules/clause-rules'
import { conflictingTerms } from './rules/conflict-rules'
import type { Rule, RuleContext } from './rules/context'
import { costRules } from './rules/cost-rules'
import { rateRules } from './rules/rate-rules'
import { buildSchedule, scheduleInput } from './schedule'
import type { ReviewOptions, ReviewResult } from './types'

/** Texts longer than this are refused rather than reviewed slowly (a 300-page contract is about 450,000 characters). */
export const MAX_REVIEW_CHARS = 2_000_000

const RULES: Rule[] = [...rateRules, ...costRules, ...clauseRules, conflictingTerms, noTermsFound]
const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const

export const COST_CONVENTION =
  'IRR of the scheduled cash flows per repayment period × periods per year (monthly instalments: monthly IRR × 12; one repayment: (repaid ÷ paid out − 1) × 12 ÷ months)'

function checkOptions(opts: ReviewOptions): number | null {
  if (opts.contractDate !== undefined && !isIsoDate(opts.contractDate)) {
    throw new UserError('REVIEW_BAD_DATE', `合同日期格式错误：${opts.contractDate}（应为YYYY-MM-DD）`, `Bad contract date: ${opts.contractDate} (use YYYY-MM-DD)`, { field: 'contractDate' })
  }
  if (opts.disbursed === undefined) return null
  const fen = yuanToFen(opts.disbursed)
  if (fen === null || fen <= 0) {
    throw new UserError('REVIEW_BAD_AMOUNT', `实际放款金额格式错误：${opts.disbursed}`, `Bad disbursed amount: ${opts.disbursed}`, { field: 'disbursed' })
  }
  return fen
}

/**
 * Review a loan contract's text: extract the terms, apply the user's corrections, compute the all-in annualised
 * cost from the scheduled cash flows, and run every rule. Findings are ordered by severity, then by position.
 *
 * @param text the contract text; spans in the result index into it
 * @param opts regime (inferred from the lender's name when absent), disbursed amount in yuan, contract date,
 *   and stored corrections of extracted terms
 * @param lpr the LPR table (resources/data/lpr.json via parseLprTable)
 */
export function reviewContract(
  text: string,
  opts: ReviewOptions & { corrections?: readonly TermCorrection[] },
  lpr: LprTable,
): ReviewResult {
  if (text.length > MAX_REVIEW_CHARS) {
    throw new UserError('REVIEW_TOO_LARGE', `合同文本过长（${text.length}字），超过${MAX_REVIEW_CHARS}字上限`, `Contract text too long (${text.length} characters; limit ${MAX_REVIEW_CHARS})`)
  }
  const userDisbursed = checkOptions(opts)
  const extracted = extractTerms(text)
  const corrected = opts.corrections?.length ? applyCorrections(extracted, opts.corrections) : extracted
  const contractDate = opts.contractDate ?? corrected.contractDate[0]?.value ?? corrected.startDate[0]?.value ?? null
  const terms = resolveLprRates(corrected, contractDate, lpr)
  const regime = opts.regime ?? inferRegime(terms)
  const cap = capFor(regime, contractDate, lpr)
  const disbursedFromText = terms.disbursedAmountFen[0]?.value ?? null
  const input = scheduleInput(terms, userDisbursed ?? disbursedFromText, contractDate)
  const schedule = input ? buildSchedule(input) : null
  let allInCost: string | null = null
  if (schedule) {
    const irr = periodicIrr(-schedule.flows[0].amountFen, schedule.flows.slice(1).map((f) => ({ period: f.period, amountFen: f.amountFen })))
    allInCost = irr ? annualiseIrr(irr, schedule.periodsPerYear) : null
  }
  const principalFen = terms.contractAmountFen[0]?.value ?? null
  const deductedFen = schedule?.deductedFen ?? 0
  const disbursedFen = userDisbursed ?? disbursedFromText ?? (principalFen !== null && deductedFen > 0 ? principalFen - deductedFen : null)
  const ctx: RuleContext = {
    text, terms, regime, cap, contractDate, allInCost, principalFen, disbursedFen, deductedFen,
    dayBasis: terms.dayBasis[0]?.value ?? 360,
  }
  const findings = RULES.flatMap((rule) => rule(ctx))
  const hasRates = terms.interestRate.length + terms.overdueRate.length + terms.penalty.length + terms.fees.length > 0
  if (!cap && regime === 'private' && hasRates) {
    findings.push({
      code: 'CAP_UNKNOWN', severity: 'info', start: 0, end: 0, text: '', basis: '《民间借贷规定》（2020年第二次修正）第25条',
      message: '未识别出合同签订日期，无法确定LPR四倍上限；请输入合同日期。',
      messageEn: 'No contract date found, so the 4 × LPR cap cannot be fixed; enter the contract date.',
      effect: 'rate caps not checked',
    })
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start || a.code.localeCompare(b.code))
  return {
    terms, regime, regimeSource: opts.regime ? 'given' : 'inferred', cap, allInAnnualCost: allInCost,
    costConvention: allInCost ? COST_CONVENTION : null, cashFlows: schedule?.flows ?? [], findings,
  }
}
