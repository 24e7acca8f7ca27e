import { z } from 'zod'
import { yuanProblem } from '../../../shared/domain/claim'
import { UserError } from '../errors'
import { fenToYuan, yuanToFenOrNull } from '../money/fen'
import { divRoundHalfUp } from '../money/rounding'

/**
 * Procedure hints (LEGAL-RULES.md §D.2, §D.5): is the claim within the province's small-claims ceiling, and do the
 * facts allow a 支付令? Pure functions over editable data (resources/data/small-claims.json), since the provincial
 * wage figures are not verified [U] and change every year.
 */

const yuanOrNull = z.union([z.string().refine((s) => yuanProblem(s) === null, 'a yuan amount such as "98765.00"'), z.null()])

export const smallClaimsTableSchema = z.object({
  name: z.string().optional(),
  rule: z.string().optional(),
  verified: z.boolean(),
  note: z.string().optional(),
  noteEn: z.string().optional(),
  provinces: z
    .array(
      z.object({
        /** GB/T 2260 code of the province (e.g. "110000"). */
        code: z.string().regex(/^\d{6}$/),
        name: z.string().min(1),
        /** The year the wage figure is for (the "上年度"). */
        year: z.number().int().nullable(),
        /** 上年度就业人员年平均工资, yuan. */
        averageWage: yuanOrNull,
        /** A ceiling published by the provincial high court, yuan; takes precedence over 50 % of averageWage. */
        threshold: yuanOrNull,
        source: z.string().nullable(),
        verified: z.boolean(),
      }),
    )
    .min(1),
})
export type SmallClaimsTable = z.infer<typeof smallClaimsTableSchema>

/** Validate a small-claims table (shipped or edited by the user); throws UserError naming the bad field. */
export function parseSmallClaimsTable(json: unknown): SmallClaimsTable {
  const r = smallClaimsTableSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    const where = issue.path.join('.')
    throw new UserError('SMALL_CLAIMS_TABLE_INVALID', `小额诉讼标准表格式错误（${where}）：${issue.message}`, `Invalid small-claims table (${where}): ${issue.message}`, {
      field: where,
    })
  }
  return r.data
}

export type SmallClaimsVerdict = 'small-claims' | 'small-claims-if-agreed' | 'not-small-claims' | 'unknown'

export interface SmallClaimsHint {
  province: { code: string; name: string }
  /**
   * `small-claims`: ≤ 50 % of the wage, the procedure applies (一审终审); `small-claims-if-agreed`: ≤ 200 %, only if
   * both parties agree; `not-small-claims`: above; `unknown`: the province's figure has not been entered.
   */
  verdict: SmallClaimsVerdict
  /** The small-claims ceiling in yuan (2 decimals), or null when unknown. */
  thresholdYuan: string | null
  /** The ceiling for use by agreement (200 % of the wage), or null when unknown. */
  agreedLimitYuan: string | null
  year: number | null
  /** False unless both the table and the province's row are marked verified. */
  verified: boolean
  basis: string
  basisEn: string
}

const BASIS = '民事诉讼法第165条（上年度就业人员年平均工资50%以下适用小额诉讼程序，50%至二倍之间当事人可约定适用）；民诉解释第272条'
const BASIS_EN = 'Civil Procedure Law art. 165 (small claims up to 50% of the previous-year average wage; up to twice that by agreement); SPC Interpretation art. 272'

/**
 * Small-claims hint for a money claim of `claimYuan` in `province` (code such as "110000" or name such as "北京市").
 * The ceiling is the published `threshold` if entered, else 50 % of `averageWage` (to the fen, half-up); the limit for
 * use by agreement is twice the wage, or four times a published ceiling when only that is known.
 * @throws UserError SMALL_CLAIMS_PROVINCE_UNKNOWN for an unknown province, CLAIM_AMOUNT_FORMAT for a malformed claim.
 */
export function smallClaimsHint(table: SmallClaimsTable, province: string, claimYuan: string): SmallClaimsHint {
  const row = table.provinces.find((p) => p.code === province || p.name === province)
  if (!row) {
    throw new UserError('SMALL_CLAIMS_PROVINCE_UNKNOWN', `小额诉讼标准表中没有该省份：${province}`, `No such province in the small-claims table: ${province}`, { field: 'province' })
  }
  const claim = yuanToFenOrNull(claimYuan)
  if (claim === null) {
    throw new UserError('CLAIM_AMOUNT_FORMAT', `标的额（claim）应为最多两位小数的元数：${claimYuan}`, `claim must be an amount in yuan with at most 2 decimals: ${claimYuan}`, { field: 'claim' })
  }
  const common = { province: { code: row.code, name: row.name }, year: row.year, verified: table.verified && row.verified, basis: BASIS, basisEn: BASIS_EN }
  const wage = row.averageWage === null ? null : BigInt(yuanToFenOrNull(row.averageWage)!)
  let threshold: bigint | null = row.threshold === null ? null : BigInt(yuanToFenOrNull(row.threshold)!)
  if (threshold === null && wage !== null) threshold = divRoundHalfUp(wage, 2n)
  if (threshold === null) return { ...common, verdict: 'unknown', thresholdYuan: null, agreedLimitYuan: null }
  const agreed = wage === null ? threshold * 4n : wage * 2n
  const c = BigInt(claim)
  const verdict: SmallClaimsVerdict = c <= threshold ? 'small-claims' : c <= agreed ? 'small-claims-if-agreed' : 'not-small-claims'
  return { ...common, verdict, thresholdYuan: fenToYuan(threshold), agreedLimitYuan: fenToYuan(agreed) }
}

/** What is known about the facts a 支付令 depends on; undefined = not known yet. */
export interface PaymentOrderFacts {
  /** The claim is for money or securities (民诉法第225条). */
  moneyClaim?: boolean
  /** Due and of a certain amount (民诉解释第427条). */
  dueAndAmountCertain?: boolean
  /** No other debt dispute between creditor and debtor (第225条(一)). */
  noOtherDebtDispute?: boolean
  /** The creditor owes no counter-performance (第427条). */
  noCounterObligation?: boolean
  /** The debtor is in mainland China and not missing (第427条). */
  debtorLocatable?: boolean
  /** The order can be served on the debtor (第225条(二)); a 支付令 cannot be served by public notice. */
  canBeServed?: boolean
  /** A pre-suit preservation has been applied for (第427条: then no 支付令). */
  preSuitPreservationApplied?: boolean
  /** The claim includes overdue interest / penalties the contract does not provide for (第428条). */
  claimsItemsNotAgreed?: boolean
}

export interface PaymentOrderCondition {
  code: string
  /** true = met, false = not met, null = not known. */
  met: boolean | null
  zh: string
  en: string
  basis: string
}

export interface PaymentOrderHint {
  /** `eligible` when every condition is met, `not-eligible` when any fails, otherwise `check`. */
  verdict: 'eligible' | 'not-eligible' | 'check'
  conditions: PaymentOrderCondition[]
  note: string
  noteEn: string
}

const yes = (v: boolean | undefined): boolean | null => (v === undefined ? null : v)
const no = (v: boolean | undefined): boolean | null => (v === undefined ? null : !v)

/** Whether a 支付令 (督促程序) is open on the known facts, condition by condition with its basis. */
export function paymentOrderHint(facts: PaymentOrderFacts): PaymentOrderHint {
  const conditions: PaymentOrderCondition[] = [
    { code: 'MONEY_CLAIM', met: yes(facts.moneyClaim), zh: '请求给付金钱或有价证券', en: 'The claim is for money or securities', basis: '民事诉讼法第225条' },
    { code: 'DUE_AND_CERTAIN', met: yes(facts.dueAndAmountCertain), zh: '债权已到期且数额确定', en: 'The debt is due and its amount certain', basis: '民诉解释第427条' },
    { code: 'NO_OTHER_DISPUTE', met: yes(facts.noOtherDebtDispute), zh: '债权人与债务人没有其他债务纠纷', en: 'No other debt dispute between the parties', basis: '民事诉讼法第225条第(一)项' },
    { code: 'NO_COUNTER_OBLIGATION', met: yes(facts.noCounterObligation), zh: '债权人没有对待给付义务', en: 'The creditor owes no counter-performance', basis: '民诉解释第427条' },
    { code: 'DEBTOR_LOCATABLE', met: yes(facts.debtorLocatable), zh: '债务人在我国境内且未下落不明', en: 'The debtor is in China and not missing', basis: '民诉解释第427条' },
    { code: 'CAN_BE_SERVED', met: yes(facts.canBeServed), zh: '支付令能够送达债务人（不适用公告送达）', en: 'The order can be served on the debtor (not by public notice)', basis: '民事诉讼法第225条第(二)项；民诉解释第427条' },
    { code: 'NO_PRESUIT_PRESERVATION', met: no(facts.preSuitPreservationApplied), zh: '未申请诉前保全', en: 'No pre-suit preservation applied for', basis: '民诉解释第427条' },
    { code: 'ONLY_AGREED_ITEMS', met: no(facts.claimsItemsNotAgreed), zh: '不主张合同未约定的逾期利息、违约金等', en: 'Claims no overdue interest or penalty the contract does not provide', basis: '民诉解释第428条' },
  ]
  const verdict = conditions.some((c) => c.met === false) ? 'not-eligible' : conditions.every((c) => c.met === true) ? 'eligible' : 'check'
  return {
    verdict,
    conditions,
    note: '支付令申请费为财产案件受理费的三分之一（诉讼费用交纳办法第14条(三)）；债务人自收到之日起15日内清偿或提出书面异议，异议成立则终结督促程序，转入诉讼（民事诉讼法第227条、第228条）；申请支付令可中断诉讼时效（诉讼时效规定第11条）。',
    noteEn: 'The application fee is one third of the case fee (Measures on litigation costs art. 14(3)); the debtor has 15 days from service to pay or object in writing, and a valid objection ends the procedure and turns it into a lawsuit (CPL arts. 227, 228); applying interrupts limitation (Limitation Provisions art. 11).',
  }
}
