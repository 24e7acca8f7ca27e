import type { RateKind } from './types'

/**
 * The canonical import fields: the template's Chinese header, an English label, and the header
 * spellings seen in lenders' exports. Synonyms are compared after `headerKey` (no spaces, brackets,
 * units or case), and earlier synonyms win over later ones, so list the most specific first.
 */
export const CANONICAL_FIELDS = [
  'borrowerName', 'idNumber', 'phone', 'address',
  'lenderName', 'lenderCreditCode',
  'contractNo', 'contractDate', 'contractAmount', 'disbursedAmount', 'disbursementDate', 'dueDate', 'instalments',
  'rate', 'overdueRate', 'penaltyRate', 'fees', 'principalRepaid', 'interestRepaid', 'daysPastDue', 'repaymentMethod',
] as const

export type CanonicalField = (typeof CANONICAL_FIELDS)[number]

export interface FieldSpec {
  zh: string
  en: string
  synonyms: string[]
  /** Rate fields: header synonyms that also tell the period (日利率 → daily). */
  kindBySynonym?: Record<string, RateKind>
}

const rateKinds = (annual: string[], monthly: string[], daily: string[]): Record<string, RateKind> => ({
  ...Object.fromEntries(annual.map((s) => [s, 'annual' as const])),
  ...Object.fromEntries(monthly.map((s) => [s, 'monthly' as const])),
  ...Object.fromEntries(daily.map((s) => [s, 'daily' as const])),
})

export const FIELD_SPECS: Record<CanonicalField, FieldSpec> = {
  borrowerName: { zh: '借款人姓名', en: 'Borrower name', synonyms: ['借款人姓名', '借款人名称', '借款人', '客户姓名', '客户名称', '债务人姓名', '债务人', '姓名', '客户', 'borrowername', 'borrower', 'customername', 'name'] },
  idNumber: { zh: '身份证号', en: 'ID number', synonyms: ['身份证号', '身份证号码', '借款人身份证号', '居民身份证号码', '证件号码', '证件号', '身份证', 'idnumber', 'idno', 'idcard', 'idcardno', 'nationalid'] },
  phone: { zh: '手机号', en: 'Phone', synonyms: ['手机号', '手机号码', '借款人手机号', '联系电话', '手机', '电话', '电话号码', '联系方式', 'mobile', 'mobilephone', 'phone', 'phonenumber', 'tel'] },
  address: { zh: '地址', en: 'Address', synonyms: ['地址', '户籍地址', '住址', '家庭住址', '身份证地址', '居住地址', '联系地址', '经常居住地', 'address', 'homeaddress'] },
  lenderName: { zh: '出借人', en: 'Lender', synonyms: ['出借人', '出借人名称', '贷款人', '贷款人名称', '贷款机构', '放款机构', '放款方', '债权人', '资金方', 'lender', 'lendername', 'creditor'] },
  lenderCreditCode: { zh: '出借人统一社会信用代码', en: 'Lender credit code', synonyms: ['出借人统一社会信用代码', '贷款人统一社会信用代码', '统一社会信用代码', '信用代码', 'creditcode', 'uscc', 'unifiedsocialcreditcode'] },
  contractNo: { zh: '合同编号', en: 'Contract number', synonyms: ['合同编号', '借款合同编号', '合同号', '借据编号', '借据号', '借款编号', '贷款编号', '订单编号', '订单号', 'contractno', 'contractnumber', 'loanid', 'loanno', 'loannumber'] },
  contractDate: { zh: '合同签订日期', en: 'Contract date', synonyms: ['合同签订日期', '签订日期', '合同日期', '签约日期', '合同签订日', 'contractdate', 'signdate', 'signingdate'] },
  contractAmount: { zh: '合同金额', en: 'Contract amount', synonyms: ['合同金额', '借款金额', '借款本金', '贷款金额', '贷款本金', '合同借款金额', '本金', 'contractamount', 'loanamount', 'principal', 'amount'] },
  disbursedAmount: { zh: '实际放款金额', en: 'Disbursed amount', synonyms: ['实际放款金额', '实际到账金额', '放款金额', '到账金额', '实际出借金额', '实际借款金额', 'disbursedamount', 'disbursementamount', 'amountdisbursed'] },
  disbursementDate: { zh: '放款日期', en: 'Disbursement date', synonyms: ['放款日期', '放款日', '放款时间', '借款日期', '起息日', '出借日期', 'disbursementdate', 'disbursedate', 'loandate', 'valuedate'] },
  dueDate: { zh: '到期日', en: 'Due date', synonyms: ['到期日', '到期日期', '借款到期日', '合同到期日', '最后还款日', '最终到期日', 'duedate', 'maturitydate', 'maturity'] },
  instalments: { zh: '期数', en: 'Instalments', synonyms: ['期数', '借款期数', '分期期数', '总期数', '贷款期数', 'instalments', 'installments', 'terms', 'tenor', 'numberofinstalments'] },
  rate: {
    zh: '年利率', en: 'Interest rate',
    synonyms: ['年利率', '借款年利率', '年化利率', '合同年利率', '月利率', '借款月利率', '日利率', '借款日利率', '借款利率', '合同利率', '利率', 'annualrate', 'interestrate', 'apr', 'monthlyrate', 'dailyrate', 'rate'],
    kindBySynonym: rateKinds(['年利率', '借款年利率', '年化利率', '合同年利率', 'annualrate', 'apr'], ['月利率', '借款月利率', 'monthlyrate'], ['日利率', '借款日利率', 'dailyrate']),
  },
  overdueRate: {
    zh: '逾期年利率', en: 'Overdue rate',
    synonyms: ['逾期年利率', '逾期利率', '罚息年利率', '罚息利率', '逾期月利率', '逾期日利率', '罚息日利率', 'overduerate', 'defaultrate', 'penaltyinterestrate'],
    kindBySynonym: rateKinds(['逾期年利率', '罚息年利率'], ['逾期月利率'], ['逾期日利率', '罚息日利率']),
  },
  penaltyRate: {
    zh: '违约金年利率', en: 'Penalty rate',
    synonyms: ['违约金年利率', '违约金比例', '违约金利率', '违约金率', '违约金日利率', 'penaltyrate'],
    kindBySynonym: rateKinds(['违约金年利率'], [], ['违约金日利率']),
  },
  fees: { zh: '费用', en: 'Fees', synonyms: ['费用', '其他费用', '服务费', '手续费', '管理费', '费用合计', 'fees', 'fee', 'servicefee'] },
  principalRepaid: { zh: '已还本金', en: 'Principal repaid', synonyms: ['已还本金', '累计已还本金', '已还款本金', '已偿还本金', 'principalrepaid', 'repaidprincipal'] },
  interestRepaid: { zh: '已还利息', en: 'Interest repaid', synonyms: ['已还利息', '累计已还利息', '已还款利息', '已偿还利息', 'interestrepaid', 'repaidinterest'] },
  daysPastDue: { zh: '逾期天数', en: 'Days past due', synonyms: ['逾期天数', '当前逾期天数', '逾期日数', '逾期天', 'dayspastdue', 'overduedays', 'dpd'] },
  repaymentMethod: { zh: '还款方式', en: 'Repayment method', synonyms: ['还款方式', '还款方法', '还款类型', 'repaymentmethod', 'repaymenttype'] },
}

/**
 * A header cell reduced for matching: half-width, lower-case, no spaces, underscores, hyphens,
 * asterisks (required markers) or bracketed units ("借款金额（元）" → "借款金额").
 */
export function headerKey(header: string): string {
  return header
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s_\-*.:#/\u3000]/g, '')
    .toLowerCase()
}
