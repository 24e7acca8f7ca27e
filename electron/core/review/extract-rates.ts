import { sentenceAround, subClauseAround } from './fold'
import { findRates, toRateValue, type RateMatch } from './rates'
import { makeTerm } from './term'
import type { ExtractedTerms } from './types'

/**
 * Which term a rate belongs to: the term rate, the overdue rate (罚息), a rate-based penalty (违约金), a fee rate
 * (handled by the fee extractor) or a compound-interest clause (its rate is not a new term). The nearest role word in
 * the rate's own sub-clause decides; failing that, the nearest one earlier in the sentence; failing that, the term rate.
 */
export type RateRole = 'term' | 'overdue' | 'penalty' | 'fee' | 'other'

const ROLE_WORDS =
  /(违约金)|(罚息|逾期利率|逾期利息)|(逾期)|(服务费|手续费|管理费|咨询费|会员费|担保费|审核费|平台费|保证金|费率)|(复利|综合成本|综合年化|年化综合)|(借款利率|借期内利率|贷款利率|利率|利息)/g
const ROLES: RateRole[] = ['penalty', 'overdue', 'overdue', 'fee', 'other', 'term']
/** Index of the bare 逾期 group: a condition word ("借款人逾期的"), weaker than any other role word near the rate. */
const WEAK = 2

function roleWords(folded: string, from: number, to: number): { role: RateRole; start: number; end: number; weak: boolean }[] {
  const out: { role: RateRole; start: number; end: number; weak: boolean }[] = []
  for (const m of folded.slice(from, to).matchAll(ROLE_WORDS)) {
    const k = m.slice(1).findIndex((g) => g !== undefined)
    out.push({ role: ROLES[k], start: from + m.index, end: from + m.index + m[0].length, weak: k === WEAK })
  }
  return out
}

/** Decide the role of one rate match. */
export function rateRole(folded: string, r: RateMatch): RateRole {
  const sub = subClauseAround(folded, r.start, r.end)
  const near = roleWords(folded, sub.start, sub.end).filter((w) => w.end <= r.start || w.start >= r.end)
  const words = near.some((w) => !w.weak) ? near.filter((w) => !w.weak) : near
  let role: RateRole | null = null
  if (words.length > 0) {
    // Distance to the rate; a word after the rate counts a little further away than one before it.
    const dist = (w: { start: number; end: number }) => (w.end <= r.start ? r.start - w.end : w.start - r.end + 2)
    role = words.reduce((a, b) => (dist(b) < dist(a) ? b : a)).role
  } else {
    const sentence = sentenceAround(folded, r.start, r.end)
    const before = roleWords(folded, sentence.start, r.start)
    role = before.length > 0 ? before[before.length - 1].role : 'term'
  }
  // "借款人逾期的，按年利率24%支付利息": a term-rate wording inside a sentence about being overdue is the overdue rate.
  if (role === 'term') {
    const sentence = sentenceAround(folded, r.start, r.end)
    if (/逾期/.test(folded.slice(sentence.start, r.start))) role = 'overdue'
  }
  return role
}

/** Interest, overdue and penalty rates, with uplifts (上浮50%) resolved against the first term rate. */
export function extractRates(text: string, folded: string, out: ExtractedTerms, dayBasis: 360 | 365): RateMatch[] {
  const matches = findRates(folded)
  const roled = matches.map((r) => ({ r, role: rateRole(folded, r) }))
  for (const { r, role } of roled) {
    if (role === 'term' && r.per !== 'uplift') out.interestRate.push(makeTerm(text, r.start, r.end, toRateValue(r, dayBasis)))
  }
  const base = out.interestRate[0]?.value.annual ?? null
  for (const { r, role } of roled) {
    if (role === 'overdue') out.overdueRate.push(makeTerm(text, r.start, r.end, toRateValue(r, dayBasis, base)))
    else if (role === 'penalty') out.penalty.push(makeTerm(text, r.start, r.end, { rate: toRateValue(r, dayBasis, base) }))
  }
  return roled.filter((x) => x.role === 'overdue' || x.role === 'penalty' || x.role === 'term').map((x) => x.r)
}
