import { eachMatch, makeTerm } from './term'
import type { ExtractedTerms, UnfairTermKind } from './types'

/**
 * Clause-type terms: compound interest, interest taken out of the principal, acceleration, jurisdiction,
 * arbitration, electronic signing and unfair standard terms (民法典第497条). A clause preceded by a negation
 * ("不计收复利", "利息不得预先在本金中扣除") is a promise not to do it and is skipped.
 */

const NEGATED_BEFORE = /(?:不得|不会|不再|禁止|无需|不|免|未)(?:计|收|计收|收取|预先|提前|在本金中)?$/

function notNegated(folded: string, index: number): boolean {
  return !NEGATED_BEFORE.test(folded.slice(Math.max(0, index - 6), index))
}

const COMPOUND = /复利|利滚利|(?:未付|逾期|应付|未还)利息[^。；\n]{0,20}(?:计入|并入|滚入)(?:下期)?本金/g
const INTEREST_DEDUCTED = /利息[^。；\n，]{0,12}(?:预先|提前|先行|一次性)[^。；\n，]{0,10}(?:扣除|扣收|预扣)|(?:预先|提前|先行)(?:扣除|扣收)[^。；\n，]{0,10}利息/g
const ACCELERATION = /提前到期|加速到期|宣布[^。；\n]{0,12}(?:立即|提前)到期|(?:要求|有权)[^。；\n]{0,10}(?:立即|提前)(?:偿还|归还|清偿)(?:全部|所有|剩余)/g
const JURISDICTION = /(?:由|向)\s*([^，。；\n由向]{1,30}?)人民法院(?:管辖|提起诉讼|起诉|诉讼解决)/g
const ARBITRATION = /(?:提交|提请|申请|向)\s*([^，。；\n]{2,30}?仲裁委员会)[^，。；\n]{0,20}?仲裁/g
const E_SIGNATURE = /电子签名|电子签章|电子合同|数字证书|CA证书|CA认证|线上签署|在线签署|电子方式签署|点击[^。；\n]{0,8}(?:同意|确认)/g
const UNFAIR: [UnfairTermKind, RegExp][] = [
  ['waiver-of-defences', /放弃[^。；\n]{0,12}(?:抗辩|异议|诉讼权|上诉)|不得(?:就[^。；\n]{0,12})?(?:提出|主张)[^。；\n]{0,6}(?:异议|抗辩)/g],
  ['unilateral-change', /(?:贷款人|出借人|甲方|平台)[^。；\n]{0,6}有权[^。；\n]{0,8}(?:单方|随时|自行)[^。；\n]{0,10}(?:调整|变更|修改|提高)|(?:单方|单方面)(?:调整|变更|修改|提高)/g],
  ['liability-exclusion', /(?:贷款人|出借人|甲方|平台)[^。；\n]{0,20}(?:不承担任何|不承担一切|概不负责|免除[^。；\n]{0,6}责任)/g],
  ['final-interpretation', /最终解释权/g],
]

export function extractClauses(text: string, folded: string, out: ExtractedTerms): void {
  const flag = (re: RegExp, list: ExtractedTerms['compoundInterest'], checkNegation = true) =>
    eachMatch(folded, re, (m) => {
      if (!checkNegation || notNegated(folded, m.index)) list.push(makeTerm(text, m.index, m.index + m[0].length, true as const))
    })
  flag(COMPOUND, out.compoundInterest)
  eachMatch(folded, INTEREST_DEDUCTED, (m) => {
    if (!/不得|不会|禁止|不/.test(m[0]) && notNegated(folded, m.index)) {
      out.interestDeducted.push(makeTerm(text, m.index, m.index + m[0].length, true as const))
    }
  })
  flag(ACCELERATION, out.acceleration)
  flag(E_SIGNATURE, out.electronicSignature, false)
  eachMatch(folded, JURISDICTION, (m) => {
    const where = text.slice(m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length).trim()
    if (/有管辖权|有权管辖/.test(where)) return
    out.jurisdiction.push(makeTerm(text, m.index, m.index + m[0].length, { court: `${where}人民法院` }))
  })
  eachMatch(folded, ARBITRATION, (m) => {
    const at = m.index + m[0].indexOf(m[1])
    out.arbitration.push(makeTerm(text, m.index, m.index + m[0].length, { commission: text.slice(at, at + m[1].length).trim() }))
  })
  for (const [kind, re] of UNFAIR) {
    eachMatch(folded, re, (m) => out.unfairTerms.push(makeTerm(text, m.index, m.index + m[0].length, { kind })))
  }
  out.unfairTerms.sort((a, b) => a.start - b.start)
}
