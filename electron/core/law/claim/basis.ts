import { formatRatePercent } from '../../money/rate'
import type { CapPlan, OverdueRateRule } from './caps'
import {
  LINE_OVERDUE_FEE, LINE_OVERDUE_INTEREST, LINE_PENALTY, LINE_TERM_FEE, LINE_TERM_INTEREST, type RawLine,
} from './run-state'

/**
 * The legal basis of each line, in words (zh-CN and en), for the hover text and for documents.
 * Texts are memoised (lineBasis), since a batch of loans shares a few dozen of them.
 */

export interface Basis {
  zh: string
  en: string
}

const pct = formatRatePercent

function overdueInterestBasis(rule: OverdueRateRule, asked: number, oldRules: boolean): Basis {
  if (rule.source === 'agreed') return { zh: `逾期利息，按约定逾期年利率 ${pct(asked)}%（民间借贷规定第28条第1款）`, en: `Overdue interest at the agreed overdue rate of ${pct(asked)}% a year (art. 28(1))` }
  if (rule.source === 'term') {
    return {
      zh: `未约定逾期利率，按借期内年利率 ${pct(asked)}% 计逾期利息（民间借贷规定第28条第2款第(二)项）`,
      en: `No overdue rate agreed: overdue interest at the term rate of ${pct(asked)}% a year (art. 28(2)(ii))`,
    }
  }
  if (oldRules) {
    return {
      zh: '既未约定借期内利率也未约定逾期利率，2020年8月20日前按年利率6%计逾期利息（法释〔2015〕18号第29条）',
      en: 'Neither rate agreed: overdue interest at 6% a year for days before 2020-08-20 (Fa Shi [2015] No. 18, art. 29)',
    }
  }
  return {
    zh: `既未约定借期内利率也未约定逾期利率，参照逾期当时（${rule.lprEffective} 公布）的一年期LPR ${rule.lprPercent}% 计逾期利息（民间借贷规定第28条第2款第(一)项）`,
    en: `Neither rate agreed: overdue interest at the one-year LPR of ${rule.lprPercent}% (published ${rule.lprEffective}) in force when the loan fell overdue (art. 28(2)(i))`,
  }
}

function ownBasis(line: RawLine, rule: OverdueRateRule | undefined): Basis {
  const asked = pct(line.askedRate)
  switch (line.kind) {
    case LINE_TERM_INTEREST:
      return { zh: `借期内利息，按约定年利率 ${asked}%（民间借贷规定第25条）`, en: `Term interest at the agreed ${asked}% a year (art. 25)` }
    case LINE_TERM_FEE:
      return { zh: `借期内费用，按约定年费率 ${asked}%，与借期内利息合计不超过上限`, en: `Term fees at the agreed ${asked}% a year, together with term interest within the cap` }
    case LINE_OVERDUE_INTEREST:
      return overdueInterestBasis(rule!, line.askedRate, line.oldRules)
    case LINE_PENALTY:
      return {
        zh: `违约金（罚息），按约定年利率 ${asked}%，与逾期利息、其他费用合计不超过上限（民间借贷规定第29条）`,
        en: `Penalty at the agreed ${asked}% a year; with overdue interest and fees within the cap (art. 29)`,
      }
    case LINE_OVERDUE_FEE:
      return {
        zh: `逾期费用，按约定年费率 ${asked}%，与逾期利息、违约金合计不超过上限（民间借贷规定第29条）`,
        en: `Overdue fees at the agreed ${asked}% a year; with overdue interest and penalty within the cap (art. 29)`,
      }
    default:
      throw new Error(`unknown line kind ${line.kind}`)
  }
}

const memo = new Map<string, Basis>()

/**
 * The basis of an accrual line, with a note when the cap cut the asked rate. Memoised process-wide on
 * everything the text depends on (a batch of loans shares a few dozen distinct texts).
 */
export function lineBasis(line: RawLine, rule: OverdueRateRule | undefined, plan: CapPlan): Basis {
  const capRate = plan.periods[line.capIndex].rate
  const key = `${line.kind}|${rule?.source}|${rule?.lprEffective}|${line.oldRules}|${capRate}|${line.rate}|${line.askedRate}`
  const hit = memo.get(key)
  if (hit) return hit
  const own = ownBasis(line, rule)
  let basis = own
  if (line.rate < line.askedRate) {
    basis = {
      zh: `${own.zh}；超过上限（年利率 ${pct(capRate)}%）的部分不予支持，按 ${pct(line.rate)}% 计`,
      en: `${own.en}; the part above the cap (${pct(capRate)}% a year) is not supported, so ${pct(line.rate)}% applies`,
    }
  }
  if (memo.size > 10_000) memo.clear()
  memo.set(key, basis)
  return basis
}

/** The flat penalty line's basis. */
export function flatPenaltyBasis(agreedYuan: string, allowedYuan: string, reduced: boolean): Basis {
  if (!reduced) return { zh: `约定固定违约金 ${agreedYuan} 元（民间借贷规定第29条）`, en: `Agreed flat penalty of ${agreedYuan} yuan (art. 29)` }
  return {
    zh: `约定固定违约金 ${agreedYuan} 元，与逾期利息等合计不得超过上限，仅在逾期期间剩余额度内支持 ${allowedYuan} 元（民间借贷规定第29条）`,
    en: `Agreed flat penalty of ${agreedYuan} yuan, allowed only within the headroom left under the cap over the overdue period: ${allowedYuan} yuan (art. 29)`,
  }
}

export const EXPENSE_BASIS: Basis = {
  zh: '实现债权的有关费用，清偿顺序第一（民法典第561条）',
  en: 'Costs of enforcing the claim, paid first (Civil Code art. 561)',
}
