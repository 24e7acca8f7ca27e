import type { ClaimInputRaw } from '../../../../shared/domain/claim'
import { addMonths } from '../../../../shared/domain/date'
import { toHalfWidth } from '../../../../shared/domain/half-width'
import { fenToYuan } from '../../../../shared/domain/money'
import { formatRatePercent, percentToFraction } from '../../../../shared/domain/rate'

/**
 * The stand-alone calculator's form, as typed: amounts in yuan as people write them ("12,000", "¥800元", in
 * full-width digits too), rates as percents ("24", "15.4%", "２４％"), dates `YYYY-MM-DD`. `toClaimInput` turns it into the engine's input; the engine
 * itself checks everything else and names the field (calc.claim with `{ input }`).
 */
export interface CalculatorForm {
  regime: 'private' | 'licensed'
  contractDate: string
  disbursementDate: string
  asOf: string
  filingDate?: string
  contractAmount: string
  disbursedAmount: string
  rateTerm?: string
  feeRateTerm?: string
  rateOverdue?: string
  penaltyRate?: string
  feeRateOverdue?: string
  penaltyFlat?: string
  dayBasis: 'default' | '365' | '360'
  schedule: { dueDate?: string; principal?: string }[]
  payments: { date?: string; amount?: string }[]
  expenses: { date?: string; amount?: string }[]
}

export const RATE_FIELDS = ['rateTerm', 'feeRateTerm', 'rateOverdue', 'penaltyRate', 'feeRateOverdue'] as const
type RateField = (typeof RATE_FIELDS)[number]

/** Fields every calculation needs. */
export const REQUIRED_FIELDS = ['contractDate', 'disbursementDate', 'asOf', 'contractAmount', 'disbursedAmount'] as const
type RequiredField = (typeof REQUIRED_FIELDS)[number]

/** What the form can tell before anything is sent, by field: left blank, or a percent it cannot read. */
export type FormProblems = Partial<Record<RateField | RequiredField, 'required' | 'percent'>>

const blank = (s: string | undefined) => !s || !s.trim()
/**
 * "¥12,000.50元" or "１２，０００．５０" (a Chinese input method in full-width mode) → "12000.50": full-width
 * digits become ASCII, thousands separators, currency signs and spaces go; the engine checks the rest.
 */
export const cleanYuan = (s: string) => toHalfWidth(s).replace(/[\s,¥￥元]/g, '')

type Lists = 'schedule' | 'payments' | 'expenses'
/** For each list, the form row each input row came from (blank rows are left out of the input). */
export type RowOrigins = Record<Lists, number[]>

export function toClaimInput(form: CalculatorForm): { input: ClaimInputRaw; problems: FormProblems; origins: RowOrigins } {
  const problems: FormProblems = {}
  for (const f of REQUIRED_FIELDS) if (blank(form[f])) problems[f] = 'required'
  const rates: Partial<Record<RateField, string>> = {}
  for (const f of RATE_FIELDS) {
    const typed = form[f]
    if (blank(typed)) continue
    const fraction = percentToFraction(toHalfWidth(typed!))
    if (fraction === null) problems[f] = 'percent'
    else rates[f] = fraction
  }
  const filled = (rows: Record<string, string | undefined>[]) => rows.flatMap((r, i) => (Object.values(r).some((v) => !blank(v)) ? [i] : []))
  const origins: RowOrigins = { schedule: filled(form.schedule), payments: filled(form.payments), expenses: filled(form.expenses) }
  const input: ClaimInputRaw = {
    regime: form.regime,
    contractDate: form.contractDate ?? '',
    disbursementDate: form.disbursementDate ?? '',
    asOf: form.asOf ?? '',
    ...(blank(form.filingDate) ? {} : { filingDate: form.filingDate }),
    contractAmount: cleanYuan(form.contractAmount ?? ''),
    disbursedAmount: cleanYuan(form.disbursedAmount ?? ''),
    ...rates,
    ...(blank(form.penaltyFlat) ? {} : { penaltyFlat: cleanYuan(form.penaltyFlat!) }),
    ...(form.dayBasis === 'default' ? {} : { dayBasis: Number(form.dayBasis) as 365 | 360 }),
    schedule: origins.schedule.map((i) => ({ dueDate: form.schedule[i].dueDate ?? '', principal: cleanYuan(form.schedule[i].principal ?? '') })),
    payments: origins.payments.map((i) => ({ date: form.payments[i].date ?? '', amount: cleanYuan(form.payments[i].amount ?? '') })),
    expenses: origins.expenses.map((i) => ({ date: form.expenses[i].date ?? '', amount: cleanYuan(form.expenses[i].amount ?? '') })),
  }
  return { input, problems, origins }
}

/** A stored loan's engine input (calc.claim's `input`) as the form shows it, to try what-ifs on it. */
export function fromClaimInput(input: ClaimInputRaw): CalculatorForm {
  const percent = (fraction: string | undefined) => (fraction === undefined ? undefined : formatRatePercent(fraction).replace(/%$/, ''))
  return {
    regime: input.regime,
    contractDate: input.contractDate,
    disbursementDate: input.disbursementDate,
    asOf: input.asOf,
    filingDate: input.filingDate,
    contractAmount: input.contractAmount,
    disbursedAmount: input.disbursedAmount,
    ...Object.fromEntries(RATE_FIELDS.map((f) => [f, percent(input[f])])),
    penaltyFlat: input.penaltyFlat,
    dayBasis: input.dayBasis === undefined ? 'default' : (String(input.dayBasis) as '365' | '360'),
    schedule: input.schedule.map((s) => ({ ...s })),
    payments: (input.payments ?? []).map((p) => ({ ...p })),
    expenses: (input.expenses ?? []).map((e) => ({ ...e })),
  }
}

/**
 * `count` monthly instalments from `firstDue`, the principal `total` (yuan) split evenly to the fen with the
 * remainder on the last one: the usual 等额本金 plan, typed in one step. Null when `total` is not an amount.
 */
export function monthlySchedule(firstDue: string, count: number, total: string): { dueDate: string; principal: string }[] | null {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleanYuan(total))
  if (!m || !Number.isInteger(count) || count < 1 || count > 600) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  const each = Math.floor(fen / count)
  return Array.from({ length: count }, (_, i) => ({
    dueDate: addMonths(firstDue, i),
    principal: fenToYuan(i === count - 1 ? fen - each * (count - 1) : each),
  }))
}

/**
 * An engine field path ("schedule[0].dueDate", "rateTerm") as the form's name path (["schedule", 2, "dueDate"]),
 * through the rows' origins: the input's first instalment may be the form's third row.
 */
export function formPath(field: string, origins: RowOrigins): (string | number)[] {
  const parts = field.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')
  return parts.map((p, i) => (/^\d+$/.test(p) ? (origins[parts[i - 1] as Lists]?.[Number(p)] ?? Number(p)) : p))
}
