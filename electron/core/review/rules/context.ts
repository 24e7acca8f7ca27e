import Decimal from 'decimal.js'
import { sentenceAround } from '../fold'
import type { CapInfo, ExtractedTerms, Finding, Regime, Severity } from '../types'

/** Everything a rule may look at. Built once per review by reviewContract. */
export interface RuleContext {
  text: string
  terms: ExtractedTerms
  regime: Regime
  cap: CapInfo | null
  contractDate: string | null
  /** All-in annualised cost (4 decimals) or null when the schedule is unknown. */
  allInCost: string | null
  /** Amount on the contract (fen). */
  principalFen: number | null
  /** Amount actually paid out (fen): the user's figure, else the contract's, else amount minus deducted fees. */
  disbursedFen: number | null
  /** Fees taken out at disbursement (fen). */
  deductedFen: number
  dayBasis: 360 | 365
}

export type Rule = (ctx: RuleContext) => Finding[]

/** The words of a finding; the span is widened to the clause (sentence) so the UI highlights the whole clause. */
export interface FindingWords {
  basis: string
  message: string
  messageEn: string
  effect: string
}

/** Build a finding on the sentence around `span` (or on nothing, for something the contract lacks). */
export function finding(ctx: RuleContext, code: string, severity: Severity, span: { start: number; end: number } | null, w: FindingWords): Finding {
  if (!span || span.end <= span.start) return { code, severity, start: 0, end: 0, text: '', ...w }
  const s = sentenceAround(ctx.text, span.start, span.end)
  return { code, severity, start: s.start, end: s.end, text: ctx.text.slice(s.start, s.end), ...w }
}

/** "24%" / "14.8%" for messages. */
export function pct(annual: Decimal.Value): string {
  return `${new Decimal(annual).times(100).toDecimalPlaces(4).toFixed()}%`
}
