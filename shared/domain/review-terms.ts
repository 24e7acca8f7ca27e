/**
 * The contract reviewer's data shapes, shared by the engine (electron/core/review), the contract and the UI.
 * Spans are UTF-16 code-unit offsets into the text that was reviewed (the same indices `String.prototype.slice` uses), half-open: text.slice(start, end) === term.text.
 * Money is integer fen; rates are decimal strings holding an annual fraction ("0.24" = 24 % a year).
 */

/** One extracted value and the piece of text it came from. */
export interface Term<T> {
  value: T
  start: number
  end: number
  text: string
  /** Set when the value was entered or corrected by the user rather than read from the text. */
  corrected?: boolean
}

/** How a rate was written, kept so a lawyer can see what the annual figure was derived from. */
export interface RateValue {
  /** Annual fraction as a decimal string, e.g. "0.24"; null when it depends on a base rate the contract does not state. */
  annual: string | null
  /**
   * The period the contract wrote the rate for. 'uplift' = "在原利率基础上上浮50%" (relative to the term rate);
   * 'lpr' = a multiple of the LPR plus a margin (一年期LPR加300个基点, 一年期LPR的四倍), resolved on the contract date.
   */
  per: 'year' | 'month' | 'day' | 'uplift' | 'lpr'
  /**
   * The written figure as a fraction of that period (or the uplift fraction), e.g. "0.0005" for 日万分之五;
   * for 'lpr', the margin added to times × LPR ("0.03" for 加300个基点, "0" for 的四倍).
   */
  written: string
  /** For 'lpr': which LPR, its multiple, and (once resolved) the quote in force on the contract date. */
  lpr?: { tenor: '1y' | '5y'; times: string; quote?: { percent: string; effective: string } }
}

export type RepaymentMethod = 'equal-instalment' | 'equal-principal' | 'interest-first' | 'bullet'

export type FeeName = '服务费' | '手续费' | '管理费' | '咨询费' | '会员费' | '担保费' | '审核费' | '平台费' | '保证金'

export interface FeeValue {
  name: FeeName
  /** A fixed amount in fen, when the fee is written as an amount. */
  amountFen?: number
  /** A fraction of the loan principal (decimal string), when written as a percentage. */
  fractionOfPrincipal?: string
  /** How often it is charged. 'once' unless the clause says 每月/每期/每年/每日. */
  per: 'once' | 'month' | 'year' | 'day'
  /** Taken out of the loan at disbursement (砍头息 style). */
  deductedAtDisbursement: boolean
  /** Charged only when the borrower is overdue (逾期管理费 …): counts with overdue interest, not the term cost. */
  overdue: boolean
}

export interface PenaltyValue {
  /** Annualised when written as a rate (日千分之一 …). */
  rate?: RateValue
  amountFen?: number
  fractionOfPrincipal?: string
}

export type UnfairTermKind = 'waiver-of-defences' | 'unilateral-change' | 'liability-exclusion' | 'final-interpretation'

/** Every term is a list: a contract that states one term twice with different values keeps both. */
export interface ExtractedTerms {
  contractNumber: Term<string>[]
  /** A company lender has a 统一社会信用代码, a natural person an ID number. */
  lender: Term<{ name: string; creditCode?: string; idNumber?: string }>[]
  borrower: Term<{ name: string; idNumber?: string }>[]
  contractDate: Term<string>[]
  contractAmountFen: Term<number>[]
  disbursedAmountFen: Term<number>[]
  startDate: Term<string>[]
  dueDate: Term<string>[]
  termMonths: Term<number>[]
  instalments: Term<number>[]
  repaymentMethod: Term<RepaymentMethod>[]
  interestRate: Term<RateValue>[]
  overdueRate: Term<RateValue>[]
  penalty: Term<PenaltyValue>[]
  fees: Term<FeeValue>[]
  /** 利息在放款时预先扣除 and similar: interest itself taken out of the principal. */
  interestDeducted: Term<true>[]
  compoundInterest: Term<true>[]
  acceleration: Term<true>[]
  jurisdiction: Term<{ court: string }>[]
  arbitration: Term<{ commission: string }>[]
  electronicSignature: Term<true>[]
  unfairTerms: Term<{ kind: UnfairTermKind }>[]
  /** Days in a year used to annualise daily rates: 365 if the contract says so, else 360 (LEGAL-RULES §I). */
  dayBasis: Term<360 | 365>[]
}

export type TermKey = keyof ExtractedTerms
export type TermValueOf<K extends TermKey> = ExtractedTerms[K][number]['value']

export type Severity = 'critical' | 'warning' | 'info'

export interface Finding {
  code: string
  severity: Severity
  /** The clause (sentence) the finding is about; 0/0/'' when it is about something the contract lacks. */
  start: number
  end: number
  text: string
  /** Legal basis in words, e.g. "《民间借贷规定》（2020年第二次修正）第25条". */
  basis: string
  message: string
  messageEn: string
  /** What it means for the claim, e.g. "principal is 9,000.00, not 10,000.00". */
  effect: string
}

export type Regime = 'private' | 'licensed'

export interface ReviewOptions {
  regime?: Regime
  /** Amount actually disbursed, in yuan ("9000" / "9000.00"). Overrides the contract text. */
  disbursed?: string
  /** Contract date YYYY-MM-DD. Overrides the contract text. */
  contractDate?: string
}

/** One row of the cash-flow table behind the all-in cost, from the lender's side: out negative, in positive. */
export interface CashFlow {
  /** Period index: 0 = disbursement, k = k-th repayment. */
  period: number
  /** Calendar date when a start date is known, else null. */
  date: string | null
  kind: 'disbursement' | 'payment'
  principalFen: number
  interestFen: number
  feeFen: number
  /** Signed total: -disbursed for period 0, principal + interest + fees for payments. */
  amountFen: number
}

export interface CapInfo {
  /** Annual fraction, e.g. "0.148". */
  annual: string
  basis: string
  /** Words for the UI, e.g. "4 × 一年期LPR 3.70% (2022-01-20) = 14.8%". */
  label: string
}

export interface ReviewResult {
  terms: ExtractedTerms
  regime: Regime
  regimeSource: 'given' | 'inferred'
  cap: CapInfo | null
  allInAnnualCost: string | null
  /** How allInAnnualCost was annualised, in words. */
  costConvention: string | null
  cashFlows: CashFlow[]
  findings: Finding[]
}
