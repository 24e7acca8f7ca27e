import Decimal from 'decimal.js'
import { loanInput } from '../../../shared/domain/loan'
import type { LoanPatchProposal } from '../../../shared/domain/review'
import type { ExtractedTerms, FeeValue, Finding, TermKey } from '../../../shared/domain/review-terms'
import { yuanToFen } from '../review/numbers'

/**
 * Which loan fields the reviewed terms set, in the loans service's names. Fees are split the way the calculator
 * reads a loan: one-off term fees → upfrontFeeFen, recurring term fees → feeRateTerm (annual fraction of the
 * principal), recurring overdue fees → feeRateOverdue. A field whose value the loan cannot hold (a rate above
 * 100 % a year) is left out and listed, so nothing is written that the loan form would refuse.
 */

/** Terms the loan holds one value of: two different values in the contract must be resolved by the user. */
const SINGLE_VALUED: TermKey[] = ['contractAmountFen', 'disbursedAmountFen', 'interestRate', 'overdueRate', 'penalty', 'dayBasis', 'repaymentMethod', 'termMonths']

const patchSchema = loanInput.omit({ lenderId: true, borrowerId: true, schedule: true, guarantors: true }).partial()

function distinctValues(terms: ExtractedTerms, key: TermKey): unknown[] {
  const seen = new Map<string, unknown>()
  for (const t of terms[key] as { value: unknown }[]) {
    // Rates count by their annual figure: 月利率2% and 年利率24% are the same term written twice.
    const v = key === 'interestRate' || key === 'overdueRate' ? (t.value as { annual: string | null }).annual : t.value
    seen.set(JSON.stringify(v), t.value)
  }
  return [...seen.values()]
}

const fraction = (d: Decimal) => d.toDecimalPlaces(10).toFixed()

/** A fee's charge as an annual fraction of the principal (recurring fees), or null when it cannot be known. */
function annualFeeFraction(f: FeeValue, principalFen: number | null, dayBasis: number): Decimal | null {
  const perCharge = f.fractionOfPrincipal !== undefined ? new Decimal(f.fractionOfPrincipal) : f.amountFen !== undefined && principalFen ? new Decimal(f.amountFen).div(principalFen) : null
  if (!perCharge) return null
  return perCharge.times(f.per === 'month' ? 12 : f.per === 'day' ? dayBasis : 1)
}

/** The clause a finding was shown on, else the term's own words: what the loan keeps as its jurisdiction text. */
function clauseText(findings: Finding[], code: string, fallback: string | undefined): string | undefined {
  return findings.find((f) => f.code === code && f.text)?.text ?? fallback
}

/**
 * The loan patch the reviewed terms give.
 *
 * @param disbursedYuan the user's disbursed amount (review option), which wins over the contract text
 */
export function proposeLoanPatch(terms: ExtractedTerms, findings: Finding[], disbursedYuan: string | undefined): LoanPatchProposal {
  const conflicts = SINGLE_VALUED.map((term) => ({ term, values: distinctValues(terms, term) })).filter((c) => c.values.length > 1)
  const patch: Record<string, string | number> = {}
  const principalFen = terms.contractAmountFen[0]?.value ?? null
  const dayBasis = terms.dayBasis[0]?.value ?? 360
  if (principalFen !== null) patch.contractAmountFen = principalFen
  const disbursed = disbursedYuan !== undefined ? yuanToFen(disbursedYuan) : (terms.disbursedAmountFen[0]?.value ?? null)
  if (disbursed !== null) patch.disbursedAmountFen = disbursed
  const rate = terms.interestRate[0]?.value.annual
  if (rate) patch.rateTerm = rate
  const overdue = terms.overdueRate[0]?.value.annual
  if (overdue) patch.rateOverdue = overdue
  const penalty = terms.penalty[0]?.value
  if (penalty?.rate?.annual) patch.penaltyRate = penalty.rate.annual
  if (penalty?.amountFen !== undefined) patch.penaltyFlatFen = penalty.amountFen
  else if (penalty?.fractionOfPrincipal !== undefined && principalFen !== null)
    patch.penaltyFlatFen = new Decimal(penalty.fractionOfPrincipal).times(principalFen).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()

  const fees = terms.fees.map((t) => t.value)
  const once = fees.filter((f) => !f.overdue && f.per === 'once')
  if (once.length) {
    const amounts = once.map((f) => f.amountFen ?? (f.fractionOfPrincipal !== undefined && principalFen !== null ? new Decimal(f.fractionOfPrincipal).times(principalFen).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : null))
    if (amounts.every((a) => a !== null)) patch.upfrontFeeFen = (amounts as number[]).reduce((s, a) => s + a, 0)
  }
  const sumRates = (list: FeeValue[]) => {
    const parts = list.map((f) => annualFeeFraction(f, principalFen, dayBasis))
    return parts.length && parts.every((p) => p !== null) ? fraction((parts as Decimal[]).reduce((s, p) => s.plus(p), new Decimal(0))) : null
  }
  const recurringTerm = sumRates(fees.filter((f) => !f.overdue && f.per !== 'once'))
  if (recurringTerm) patch.feeRateTerm = recurringTerm
  const recurringOverdue = sumRates(fees.filter((f) => f.overdue && f.per !== 'once'))
  if (recurringOverdue) patch.feeRateOverdue = recurringOverdue

  if (terms.dayBasis[0]) patch.dayBasis = terms.dayBasis[0].value
  if (terms.termMonths[0]) patch.termMonths = terms.termMonths[0].value
  const method = terms.repaymentMethod[0]?.value
  if (method) patch.repaymentMethod = method.replace(/-/g, '_')
  if (terms.electronicSignature.length) patch.signingMethod = 'electronic'
  const jurisdiction = clauseText(findings, 'JURISDICTION_CLAUSE', terms.jurisdiction[0]?.text)
  if (jurisdiction) patch.jurisdictionClause = jurisdiction
  const arbitration = clauseText(findings, 'ARBITRATION_CLAUSE', terms.arbitration[0]?.text)
  if (arbitration) patch.arbitrationClause = arbitration

  const skipped: LoanPatchProposal['skipped'] = []
  for (const [field, value] of Object.entries(patch)) {
    const ok = patchSchema.safeParse({ [field]: value })
    if (!ok.success) {
      const [zh, en] = (ok.error.issues[0]?.message ?? '').split(' | ')
      skipped.push({ field, value, reason: zh, reasonEn: en ?? zh })
      delete patch[field]
    }
  }
  return { patch, conflicts, skipped }
}
