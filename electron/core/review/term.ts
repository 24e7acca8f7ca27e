import type { ExtractedTerms, Term } from './types'

/** A term whose span is [start, end) of the original text. */
export function makeTerm<T>(text: string, start: number, end: number, value: T): Term<T> {
  return { value, start, end, text: text.slice(start, end) }
}

/** An empty term set: every term is a list, so "not found" is an empty list, never undefined. */
export function emptyTerms(): ExtractedTerms {
  return {
    contractNumber: [], lender: [], borrower: [], contractDate: [], contractAmountFen: [], disbursedAmountFen: [],
    startDate: [], dueDate: [], termMonths: [], instalments: [], repaymentMethod: [], interestRate: [], overdueRate: [],
    penalty: [], fees: [], interestDeducted: [], compoundInterest: [], acceleration: [], jurisdiction: [], arbitration: [],
    electronicSignature: [], unfairTerms: [], dayBasis: [],
  }
}

/** Run a global regex over the folded text and hand each match to `fn` (offsets are the same in both texts). */
export function eachMatch(folded: string, re: RegExp, fn: (m: RegExpExecArray) => void): void {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
  let m: RegExpExecArray | null
  while ((m = g.exec(folded)) !== null) {
    fn(m)
    if (m[0].length === 0) g.lastIndex++
  }
}
