import Decimal from 'decimal.js'
import { UserError } from '../errors'
import { lpr1yOn, lpr5yOn, type LprTable } from '../law/lpr'
import type { ExtractedTerms, RateValue, Term } from './types'

/**
 * LPR-based rates (一年期LPR加300个基点, 一年期LPR的四倍, LPR上浮50%) take their figure from the LPR in force on the
 * contract date (LEGAL-RULES §A.1 第25条: "合同成立时"), from the shipped LPR table. Without a contract date, or on a
 * date before the table starts, they stay unresolved (annual null) rather than guessed. Uplifts written against a
 * term rate that only now got its figure (逾期按借款利率上浮50%) are resolved with it.
 */
export function resolveLprRates(terms: ExtractedTerms, contractDate: string | null, lpr: LprTable): ExtractedTerms {
  const hasLpr = (list: Term<RateValue>[]) => list.some((t) => t.value.per === 'lpr')
  if (!hasLpr(terms.interestRate) && !hasLpr(terms.overdueRate) && !terms.penalty.some((p) => p.value.rate?.per === 'lpr')) return terms
  const resolve = (v: RateValue, base: string | null): RateValue => {
    if (v.annual !== null) return v
    if (v.per === 'uplift') return base === null ? v : { ...v, annual: new Decimal(base).times(new Decimal(v.written).plus(1)).toFixed() }
    if (v.per !== 'lpr' || !v.lpr || contractDate === null) return v
    let quote
    try {
      quote = (v.lpr.tenor === '5y' ? lpr5yOn : lpr1yOn)(lpr, contractDate)
    } catch (e) {
      if (e instanceof UserError) return v
      throw e
    }
    const annual = new Decimal(quote.percent).dividedBy(100).times(v.lpr.times).plus(v.written)
    return { ...v, annual: annual.toFixed(), lpr: { ...v.lpr, quote: { percent: quote.percent, effective: quote.effective } } }
  }
  const interestRate = terms.interestRate.map((t) => ({ ...t, value: resolve(t.value, null) }))
  const base = interestRate[0]?.value.annual ?? null
  return {
    ...terms,
    interestRate,
    overdueRate: terms.overdueRate.map((t) => ({ ...t, value: resolve(t.value, base) })),
    penalty: terms.penalty.map((t) => (t.value.rate ? { ...t, value: { ...t.value, rate: resolve(t.value.rate, base) } } : t)),
  }
}
