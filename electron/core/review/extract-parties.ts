import { eachMatch, makeTerm } from './term'
import type { ExtractedTerms } from './types'

/**
 * Parties: the lender (出借人/贷款人/甲方) with its 统一社会信用代码 (or ID number for a natural person), the
 * borrower (借款人/乙方) with the ID number.
 * A label counts only when a colon and a name follow on the same line, so body text such as "甲方有权" and empty
 * signature lines ("出借人（签章）：") are not parties. The code / ID number is looked for in the party's block,
 * i.e. up to the next party label.
 */

const LABEL = /(出借人|贷款人|放款人|甲方|借款人|乙方)(?:[（(][^）)\n]{1,8}[)）])?[ \t]*[:：][ \t]*([^\s，,；;。（(：:]{2,40})/g
const CREDIT_CODE = /统一社会信用代码\s*[:：]?\s*([0-9A-Z]{18})/
const ID_NUMBER = /(?:公民身份号码|身份证号码|身份证号|身份证|证件号码)\s*[:：]?\s*(\d{17}[\dXx])/

export function extractParties(text: string, folded: string, out: ExtractedTerms): void {
  const labels: RegExpExecArray[] = []
  eachMatch(folded, LABEL, (m) => labels.push(m))
  labels.forEach((m, i) => {
    const isLender = /出借人|贷款人|放款人|甲方/.test(m[1])
    // A 甲方 label whose name is 借款人… (甲方（借款人）) is the borrower: the bracket decides when present.
    const bracket = /[（(]([^）)]*)[)）]/.exec(m[0])?.[1] ?? ''
    const lender = /借款人/.test(bracket) ? false : /出借人|贷款人/.test(bracket) ? true : isLender
    const blockEnd = Math.min(i + 1 < labels.length ? labels[i + 1].index : folded.length, m.index + m[0].length + 300)
    const block = folded.slice(m.index, blockEnd)
    let end = m.index + m[0].length
    // The name ends the match; read it from the original text so full-width letters stay as written.
    const name = text.slice(m.index + m[0].length - m[2].length, m.index + m[0].length)
    const code = lender ? CREDIT_CODE.exec(block) : null
    const id = ID_NUMBER.exec(block)
    for (const x of [code, id]) if (x) end = Math.max(end, m.index + x.index + x[0].length)
    const value: { name: string; creditCode?: string; idNumber?: string } = { name }
    if (code) value.creditCode = code[1]
    if (id) value.idNumber = id[1].toUpperCase()
    if (lender) out.lender.push(makeTerm(text, m.index, end, value))
    else out.borrower.push(makeTerm(text, m.index, end, value))
  })
}
