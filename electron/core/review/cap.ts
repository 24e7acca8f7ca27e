import Decimal from 'decimal.js'
import { lpr1yOn, type LprTable } from '../law/lpr'
import type { CapInfo, ExtractedTerms, Regime } from './types'

/**
 * The rate cap a court applies, by regime and contract date (LEGAL-RULES §A.1, §A.4, §B):
 * - private lending, contract on/after 2020-08-20: 4 × one-year LPR in force on the contract date (第25条);
 * - private lending, contract before 2020-08-20: 24 % (2015 text 第26条; a default — the part of the interest from
 *   2020-08-20 on is capped at 4 × LPR at filing, 第31条, which the claim calculator handles);
 * - licensed lenders (banks, 消费金融公司, 小额贷款公司 …): 24 %, borrower-triggered (法发〔2017〕22号第2条).
 */

export const LPR_RULE_START = '2020-08-20'

/** Names of licensed lenders (法释〔2020〕27号 and the banking/consumer-finance sector). */
const LICENSED_NAME = /银行|小额贷款|小贷|消费金融|信托|融资担保|典当|融资租赁|商业保理|资产管理|金融租赁/

/** Licensed when the lender's name says so (小额贷款有限公司, 消费金融股份有限公司, 银行); private otherwise. */
export function inferRegime(terms: ExtractedTerms): Regime {
  return terms.lender.some((l) => LICENSED_NAME.test(l.value.name)) ? 'licensed' : 'private'
}

/** The cap for the regime on the contract date; null for a private loan without a known contract date. */
export function capFor(regime: Regime, contractDate: string | null, lpr: LprTable): CapInfo | null {
  if (regime === 'licensed') {
    return {
      annual: '0.24',
      basis: '《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第2条；《关于新民间借贷司法解释适用范围问题的批复》（法释〔2020〕27号）',
      label: '持牌金融机构：年利率24%',
    }
  }
  if (contractDate === null) return null
  if (contractDate < LPR_RULE_START) {
    return {
      annual: '0.24',
      basis: '《民间借贷规定》（法释〔2015〕18号）第26条；2020年第二次修正后第31条（过渡规定）',
      label: '2020-08-20前成立的民间借贷：年利率24%（2020-08-20后的利息按起诉时LPR四倍）',
    }
  }
  const quote = lpr1yOn(lpr, contractDate)
  const annual = new Decimal(quote.percent).times(4).dividedBy(100)
  return {
    annual: annual.toFixed(),
    basis: '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020年第二次修正）第25条',
    label: `4 × 一年期LPR ${quote.percent}%（${quote.effective}）= ${annual.times(100).toFixed()}%`,
  }
}
