import { formatYuan } from '../numbers'
import { rateLabel, sameRate } from '../rates'
import type { RateValue, Term, TermKey } from '../types'
import { finding, pct, type Rule } from './context'

/**
 * CONFLICTING_TERMS: the contract states one term twice with different values. Every conflicting clause gets a
 * finding, so both are highlighted and the user decides (never a silent pick).
 */

interface Checked {
  key: TermKey
  zh: string
  en: string
  same: (a: any, b: any) => boolean
  show: (v: any) => string
}

const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const rate = (zh: string, en: string, key: TermKey): Checked => ({
  key, zh, en, same: (a: RateValue, b: RateValue) => sameRate(a, b), show: rateLabel,
})

const CHECKED: Checked[] = [
  { key: 'contractNumber', zh: '合同编号', en: 'contract number', same: eq, show: String },
  { key: 'lender', zh: '出借人', en: 'lender', same: (a, b) => a.name === b.name && (!a.creditCode || !b.creditCode || a.creditCode === b.creditCode), show: (v) => v.name },
  { key: 'borrower', zh: '借款人', en: 'borrower', same: (a, b) => a.name === b.name && (!a.idNumber || !b.idNumber || a.idNumber === b.idNumber), show: (v) => v.name },
  { key: 'contractDate', zh: '签订日期', en: 'contract date', same: eq, show: String },
  { key: 'contractAmountFen', zh: '借款金额', en: 'loan amount', same: eq, show: (v) => `${formatYuan(v)}元` },
  { key: 'disbursedAmountFen', zh: '实际放款金额', en: 'amount paid out', same: eq, show: (v) => `${formatYuan(v)}元` },
  { key: 'startDate', zh: '起始日', en: 'start date', same: eq, show: String },
  { key: 'dueDate', zh: '到期日', en: 'due date', same: eq, show: String },
  { key: 'termMonths', zh: '借款期限', en: 'term', same: eq, show: (v) => `${v}个月` },
  { key: 'instalments', zh: '期数', en: 'number of instalments', same: eq, show: (v) => `${v}期` },
  { key: 'repaymentMethod', zh: '还款方式', en: 'repayment method', same: eq, show: String },
  rate('借期内利率', 'interest rate', 'interestRate'),
  rate('逾期利率', 'overdue rate', 'overdueRate'),
  { key: 'dayBasis', zh: '计息天数', en: 'day basis', same: eq, show: (v) => `${v}天` },
]

export const conflictingTerms: Rule = (ctx) => {
  const out = []
  for (const c of CHECKED) {
    const list = ctx.terms[c.key] as Term<unknown>[]
    const distinct: unknown[] = []
    for (const t of list) if (!distinct.some((d) => c.same(d, t.value))) distinct.push(t.value)
    if (distinct.length < 2) continue
    const values = distinct.map(c.show).join('、')
    for (const t of list) {
      out.push(
        finding(ctx, 'CONFLICTING_TERMS', 'warning', t, {
          basis: '《民法典》第466条（争议条款的解释）、第498条（格式条款有两种以上解释的，应当作出不利于提供格式条款一方的解释）',
          message: `合同对${c.zh}有相互矛盾的约定（${values}），本处为${c.show(t.value)}；须确认适用哪一项。`,
          messageEn: `The contract states the ${c.en} in conflicting ways (${values}); this clause says ${c.show(t.value)}.`,
          effect: `${c.en} uncertain: a standard term is read against the lender (the lower figure)`,
        }),
      )
    }
  }
  return out
}
