import { findAmounts, parseNumber } from './numbers'
import { eachMatch, makeTerm } from './term'
import type { ExtractedTerms, RepaymentMethod } from './types'
import { WRITTEN_DATE, isoFromDateGroups } from './written-date'

/**
 * Contract number, contract date, amounts, term and repayment method. Every function reads the folded text
 * (same offsets as the original) and pushes terms whose text is taken from the original.
 */

const CN = '[零〇一二两三四五六七八九十百]+'
const LEAD = String.raw`(?:为|是|共计|合计|：|:|\s)*(?:人民币|RMB)?\s*`

export function extractContractNumber(text: string, folded: string, out: ExtractedTerms): void {
  eachMatch(folded, /(?:合同编号|协议编号|合同号|(?<![证书码件])编号)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9\-_/]{2,40})/g, (m) => {
    const end = m.index + m[0].length
    out.contractNumber.push(makeTerm(text, m.index, end, text.slice(end - m[1].length, end)))
  })
}

export function extractContractDate(text: string, folded: string, out: ExtractedTerms): void {
  const labelled = new RegExp(String.raw`(?:签订日期|签署日期|签约日期|合同签订日期?|订立日期|合同日期|签订时间|签署时间)\s*[:：]?\s*${WRITTEN_DATE}`, 'g')
  const sentence = new RegExp(String.raw`本(?:合同|协议)(?:由双方)?于\s*${WRITTEN_DATE}\s*(?:在[^，。；\n]{1,30}?)?(?:签订|签署|订立|成立)`, 'g')
  for (const re of [labelled, sentence]) {
    eachMatch(folded, re, (m) => {
      const iso = isoFromDateGroups(m, 1)
      if (iso) out.contractDate.push(makeTerm(text, m.index, m.index + m[0].length, iso))
    })
  }
}

/**
 * Amounts after a label: the first must follow at once (optionally after （大写）), and a second one may follow in
 * brackets (小写：¥10,000.00). Both are kept, so 大写 and 小写 that disagree become a conflict.
 */
function amountsAfterLabel(text: string, folded: string, label: RegExp, push: (start: number, end: number, fen: number) => void): void {
  eachMatch(folded, new RegExp(`(?:${label.source})${LEAD}`, 'g'), (m) => {
    let pos = m.index + m[0].length
    const lead = /^[（(]?\s*(?:大写|小写)?\s*[)）]?\s*[:：]?\s*/.exec(folded.slice(pos, pos + 12))
    pos += lead ? lead[0].length : 0
    const amounts = findAmounts(folded, pos, Math.min(folded.length, pos + 80))
    let expectAt = pos
    for (const a of amounts) {
      if (a.start !== expectAt) break
      push(m.index, a.end, a.fen)
      const bridge = /^\s*[（(]\s*(?:小写|大写)?\s*[:：]?\s*(?:人民币)?\s*/.exec(folded.slice(a.end, a.end + 16))
      if (!bridge) break
      expectAt = a.end + bridge[0].length
    }
  })
}

export function extractAmounts(text: string, folded: string, out: ExtractedTerms): void {
  // 借条 wording: 今借到王五人民币…, 乙方向甲方借款人民币….
  const contractLabel =
    /(?<!实际)(?:借款金额|借款本金|贷款金额|贷款本金|借款数额|合同金额|借款额度|出借金额)|(?:今|兹)(?:借到|收到)[^，。；\n\d¥￥]{0,12}?(?=人民币)|向[^，。；\n\d]{1,12}?借款(?=人民币)/
  amountsAfterLabel(text, folded, contractLabel, (s, e, fen) =>
    out.contractAmountFen.push(makeTerm(text, s, e, fen)),
  )
  amountsAfterLabel(text, folded, /(?:实际(?:放款|到账|出借|发放|借款|支付|收到)(?:金额|款项)?|到账金额|放款金额)/, (s, e, fen) =>
    out.disbursedAmountFen.push(makeTerm(text, s, e, fen)),
  )
}

export function extractTermAndDates(text: string, folded: string, out: ExtractedTerms): void {
  const range = new RegExp(String.raw`(?:借款期限|贷款期限|期限)[^。；\n]{0,16}?(?:自|从)\s*${WRITTEN_DATE}\s*(?:起)?\s*(?:至|到|—|~)\s*${WRITTEN_DATE}(?:止)?`, 'g')
  eachMatch(folded, range, (m) => {
    const from = isoFromDateGroups(m, 1), to = isoFromDateGroups(m, 10)
    if (from) out.startDate.push(makeTerm(text, m.index, m.index + m[0].length, from))
    if (to) out.dueDate.push(makeTerm(text, m.index, m.index + m[0].length, to))
  })
  const due = new RegExp(String.raw`(?:借款到期日|贷款到期日|到期日|最后还款日|还款期限)(?:为|是|：|:|\s)*${WRITTEN_DATE}`, 'g')
  eachMatch(folded, due, (m) => {
    const iso = isoFromDateGroups(m, 1)
    if (iso) out.dueDate.push(makeTerm(text, m.index, m.index + m[0].length, iso))
  })
  const start = new RegExp(String.raw`(?:放款日期|放款日|起息日|借款发放日|发放日期|出借日期)(?:为|是|：|:|\s)*${WRITTEN_DATE}`, 'g')
  eachMatch(folded, start, (m) => {
    const iso = isoFromDateGroups(m, 1)
    if (iso) out.startDate.push(makeTerm(text, m.index, m.index + m[0].length, iso))
  })
  const months = new RegExp(String.raw`(?:借款期限|贷款期限|期限)(?:为|是|：|:|\s|共)*(\d+|${CN})\s*(个月|年)`, 'g')
  eachMatch(folded, months, (m) => {
    const n = parseNumber(m[1])
    if (n) out.termMonths.push(makeTerm(text, m.index, m.index + m[0].length, n.toNumber() * (m[2] === '年' ? 12 : 1)))
  })
  eachMatch(folded, new RegExp(String.raw`(?:分|共|计)\s*(\d+|${CN})\s*期`, 'g'), (m) => {
    const n = parseNumber(m[1])
    if (n && n.gt(0)) out.instalments.push(makeTerm(text, m.index, m.index + m[0].length, n.toNumber()))
  })
  eachMatch(folded, /(?:一年|每年|全年|年)(?:按|以|计为|为)\s*(360|365)\s*[天日]/g, (m) => {
    out.dayBasis.push(makeTerm(text, m.index, m.index + m[0].length, m[1] === '365' ? 365 : 360))
  })
}

const METHODS: [RepaymentMethod, RegExp][] = [
  ['equal-instalment', /等额本息/g],
  ['equal-principal', /等额本金/g],
  ['interest-first', /先息后本|按月付息[，,]?\s*到期(?:一次性)?还本|每月(?:支付|偿还)利息[，,]?\s*到期(?:一次性)?(?:归还|偿还)本金/g],
  ['bullet', /到期一次性(?:还本付息|偿还本息|归还本息|偿还全部本息)|一次性还本付息/g],
]

export function extractRepaymentMethod(text: string, folded: string, out: ExtractedTerms): void {
  for (const [method, re] of METHODS) {
    eachMatch(folded, re, (m) => out.repaymentMethod.push(makeTerm(text, m.index, m.index + m[0].length, method)))
  }
  out.repaymentMethod.sort((a, b) => a.start - b.start)
}
