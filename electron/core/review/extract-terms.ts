import { extractAmounts, extractContractDate, extractContractNumber, extractRepaymentMethod, extractTermAndDates } from './extract-basics'
import { extractClauses } from './extract-clauses'
import { extractFees, extractLumpPenalties } from './extract-fees'
import { extractParties } from './extract-parties'
import { extractRates } from './extract-rates'
import { foldForMatching } from './fold'
import { emptyTerms } from './term'
import type { ExtractedTerms } from './types'

/**
 * Read every key term of a loan contract from its text. Spans index into `text` as given (no characters are added
 * or removed before matching). A term stated twice with different values is kept twice; the rules report that.
 *
 * @example extractTerms('借款年利率为24%。').interestRate[0].value.annual // "0.24"
 */
export function extractTerms(text: string): ExtractedTerms {
  const folded = foldForMatching(text)
  const out = emptyTerms()
  extractContractNumber(text, folded, out)
  extractParties(text, folded, out)
  extractContractDate(text, folded, out)
  extractAmounts(text, folded, out)
  extractTermAndDates(text, folded, out)
  extractRepaymentMethod(text, folded, out)
  const dayBasis = out.dayBasis[0]?.value ?? 360
  const rates = extractRates(text, folded, out, dayBasis)
  extractFees(text, folded, out)
  extractLumpPenalties(text, folded, out, rates)
  out.penalty.sort((a, b) => a.start - b.start)
  extractClauses(text, folded, out)
  return out
}
