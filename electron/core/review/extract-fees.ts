import { sentenceAround, subClauseAround } from './fold'
import { findAmounts } from './numbers'
import { findPercents, type RateMatch } from './rates'
import { makeTerm } from './term'
import type { ExtractedTerms, FeeName, FeeValue } from './types'

/**
 * Fees (服务费/手续费/管理费/咨询费/会员费/担保费 …) as an amount or a percentage of the principal, with how often
 * they are charged and whether they are taken out at disbursement; and lump-sum penalties (违约金500元, 借款总额20%的违约金).
 */

const FEE_WORDS = /服务费|手续费|管理费|咨询费|会员费|担保费|审核费|平台费|保证金/g
const DEDUCTED = /扣除|扣收|预扣|扣减|扣划|砍头|先行收取|放款时(?:一次性)?收取|放款前(?:一次性)?收取|从借款(?:本金)?中(?:一次性)?收取/
const NOT_DEDUCTED = /(?:不得|不会|不再|禁止|无需|不)[^。；\n]{0,8}(?:扣除|扣收|预扣|扣减)/

function periodOf(s: string): FeeValue['per'] {
  if (/每月|按月|每期|每个月|月费率|\/月/.test(s)) return 'month'
  if (/每年|按年|年费率|年化|\/年/.test(s)) return 'year'
  if (/每日|按日|每天|日费率|\/日|\/天/.test(s)) return 'day'
  return 'once'
}

/** The fee's figure: the first amount or percentage after the fee word, else the last one before it in its sub-clause. */
function feeFigure(folded: string, from: number, to: number, subStart: number, kw: number) {
  const pick = (a: number, b: number, last: boolean) => {
    const amounts = findAmounts(folded, a, b).map((x) => ({ start: x.start, end: x.end, fen: x.fen as number | undefined, fraction: undefined as string | undefined }))
    const percents = findPercents(folded.slice(a, b)).map((p) => ({ start: a + p.start, end: a + p.end, fen: undefined, fraction: p.fraction.toFixed() }))
    const all = [...amounts, ...percents].sort((x, y) => x.start - y.start)
    return last ? all[all.length - 1] : all[0]
  }
  return pick(from, to, false) ?? pick(subStart, kw, true)
}

export function extractFees(text: string, folded: string, out: ExtractedTerms): void {
  const hits = [...folded.matchAll(FEE_WORDS)]
  hits.forEach((m, i) => {
    const sentence = sentenceAround(folded, m.index, m.index + m[0].length)
    const next = i + 1 < hits.length ? hits[i + 1].index : folded.length
    const segEnd = Math.min(next, sentence.end)
    const sub = subClauseAround(folded, m.index, m.index + m[0].length)
    const fig = feeFigure(folded, m.index + m[0].length, segEnd, Math.max(sub.start, sentence.start), m.index)
    if (!fig) return
    const sentenceText = folded.slice(sentence.start, sentence.end)
    const around = folded.slice(Math.min(sub.start, fig.start), Math.max(segEnd, fig.end))
    const value: FeeValue = {
      name: m[0] as FeeName,
      per: periodOf(around),
      deductedAtDisbursement: DEDUCTED.test(sentenceText) && !NOT_DEDUCTED.test(sentenceText),
      overdue: /逾期/.test(sentenceText),
    }
    if (fig.fen !== undefined) value.amountFen = fig.fen
    else value.fractionOfPrincipal = fig.fraction
    const start = Math.min(m.index, fig.start), end = Math.max(m.index + m[0].length, fig.end)
    out.fees.push(makeTerm(text, start, end, value))
  })
}

/** 违约金 written as an amount or a share of the loan (rate-based penalties are found by the rate extractor). */
export function extractLumpPenalties(text: string, folded: string, out: ExtractedTerms, rates: RateMatch[]): void {
  for (const m of folded.matchAll(/违约金/g)) {
    const sentence = sentenceAround(folded, m.index, m.index + 3)
    if (out.penalty.some((p) => p.start >= sentence.start && p.end <= sentence.end)) continue
    const sub = subClauseAround(folded, m.index, m.index + 3)
    const taken = (s: number, e: number) => rates.some((r) => s < r.end && r.start < e)
    const amount = findAmounts(folded, sub.start, sub.end).find((a) => !taken(a.start, a.end))
    const percent = findPercents(folded.slice(sub.start, sub.end))
      .map((p) => ({ ...p, start: sub.start + p.start, end: sub.start + p.end }))
      .find((p) => !taken(p.start, p.end))
    if (!amount && !percent) continue
    const fig = amount && (!percent || amount.start < percent.start) ? amount : percent!
    const start = Math.min(m.index, fig.start), end = Math.max(m.index + 3, fig.end)
    const value = fig === amount ? { amountFen: amount.fen } : { fractionOfPrincipal: percent!.fraction.toFixed() }
    out.penalty.push(makeTerm(text, start, end, value))
  }
}
