import { fenToYuan } from '../../../../shared/domain/money'
import type { TermCorrectionInput } from '../../../../shared/domain/review'
import type { ExtractedTerms, FeeValue, PenaltyValue, TermKey } from '../../../../shared/domain/review-terms'
import type { MessageKey } from '../../i18n/messages'
import { yuanTextToFen } from './severity'

/**
 * How the term form reads and writes every extracted term. A single-valued term is one or more text inputs that
 * become one whole-term correction (an empty input = "the contract has no such term"); fees and penalties are lists
 * edited entry by entry (index corrections that keep each entry's span; see listCorrections).
 */
export type Inputs = Record<string, string>
export interface TermField {
  term: TermKey
  inputs: { key: string; label: MessageKey; kind?: 'text' | 'check' | 'select'; options?: { value: string; label: MessageKey }[] }[]
  read(value: unknown): Inputs
  /** The term's value from the inputs: null = absent; undefined = the input is not valid. */
  parse(inputs: Inputs): unknown | null | undefined
}

const FRACTION = /^\d{1,3}(\.\d{1,12})?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const ID_NUMBER = /^\d{17}[\dX]$/
const one = (key: string, label: MessageKey, show: (v: any) => string, parse: (s: string) => unknown | undefined, extra: Partial<TermField['inputs'][number]> = {}) =>
  ({ inputs: [{ key, label, ...extra }], read: (v: unknown) => ({ [key]: v === undefined ? '' : show(v) }), parse: (i: Inputs) => (i[key].trim() === '' ? null : parse(i[key].trim())) })
const yuan = (s: string) => yuanTextToFen(s) ?? undefined
const rate = (s: string) => (FRACTION.test(s) ? { annual: s, per: 'year', written: s } : undefined)
const date = (s: string) => (DATE.test(s) ? s : undefined)
const count = (s: string) => (/^\d{1,3}$/.test(s) ? Number(s) : undefined)
const text = (max: number) => (s: string) => (s.length <= max ? s : undefined)
const flag = (term: TermKey, label: MessageKey): TermField => ({
  term, inputs: [{ key: term, label, kind: 'check' }], read: (v) => ({ [term]: v === undefined ? '' : 'yes' }), parse: (i) => (i[term] ? true : null),
})

export const TERM_FIELDS: TermField[] = [
  { term: 'contractNumber', ...one('contractNumber', 'review.contractNumber', String, text(100)) },
  {
    term: 'lender',
    inputs: [{ key: 'lenderName', label: 'review.lenderName' }, { key: 'lenderCode', label: 'review.lenderCode' }],
    read: (v: any) => ({ lenderName: v?.name ?? '', lenderCode: v?.creditCode ?? v?.idNumber ?? '' }),
    parse: (i) => {
      const name = i.lenderName.trim(), code = i.lenderCode.trim().toUpperCase()
      if (!name) return code ? undefined : null
      if (!code) return { name }
      if (code.length !== 18) return undefined
      // A natural person's ID number (17 digits + check digit), unless the name is a company's; else a credit code.
      return ID_NUMBER.test(code) && !/公司|银行|中心|企业/.test(name) ? { name, idNumber: code } : { name, creditCode: code }
    },
  },
  {
    term: 'borrower',
    inputs: [{ key: 'borrowerName', label: 'review.borrowerName' }, { key: 'borrowerId', label: 'review.borrowerId' }],
    read: (v: any) => ({ borrowerName: v?.name ?? '', borrowerId: v?.idNumber ?? '' }),
    parse: (i) => {
      const name = i.borrowerName.trim(), id = i.borrowerId.trim().toUpperCase()
      if (!name) return id ? undefined : null
      if (!id) return { name }
      return ID_NUMBER.test(id) ? { name, idNumber: id } : undefined
    },
  },
  { term: 'contractDate', ...one('contractDate', 'review.contractDate', String, date) },
  { term: 'startDate', ...one('startDate', 'review.startDate', String, date) },
  { term: 'dueDate', ...one('dueDate', 'review.dueDate', String, date) },
  { term: 'contractAmountFen', ...one('contractAmountFen', 'review.contractAmount', fenToYuan, yuan) },
  { term: 'disbursedAmountFen', ...one('disbursedAmountFen', 'review.disbursed', fenToYuan, yuan) },
  { term: 'termMonths', ...one('termMonths', 'review.termMonths', String, count) },
  { term: 'instalments', ...one('instalments', 'review.instalments', String, count) },
  {
    term: 'repaymentMethod',
    ...one('repaymentMethod', 'review.method', String, (s) => s, {
      kind: 'select',
      options: [{ value: 'equal-instalment', label: 'review.method.equal-instalment' }, { value: 'equal-principal', label: 'review.method.equal-principal' }, { value: 'interest-first', label: 'review.method.interest-first' }, { value: 'bullet', label: 'review.method.bullet' }],
    }),
  },
  { term: 'interestRate', ...one('interestRate', 'review.interestRate', (v) => v.annual ?? '', rate) },
  { term: 'overdueRate', ...one('overdueRate', 'review.overdueRate', (v) => v.annual ?? '', rate) },
  { term: 'dayBasis', ...one('dayBasis', 'review.dayBasis', String, (s) => Number(s), { kind: 'select', options: [{ value: '360', label: 'review.days360' }, { value: '365', label: 'review.days365' }] }) },
  flag('interestDeducted', 'review.interestDeducted'),
  flag('compoundInterest', 'review.compound'),
  flag('acceleration', 'review.acceleration'),
  flag('electronicSignature', 'review.esign'),
  { term: 'jurisdiction', ...one('jurisdiction', 'review.jurisdiction', (v) => v.court, (s) => (s.length <= 200 ? { court: s } : undefined)) },
  { term: 'arbitration', ...one('arbitration', 'review.arbitration', (v) => v.commission, (s) => (s.length <= 200 ? { commission: s } : undefined)) },
]

/** The inputs of every field for the current (corrected) terms: each term's first value. */
export function readFields(terms: ExtractedTerms): Inputs {
  return Object.assign({}, ...TERM_FIELDS.map((f) => f.read((terms[f.term] as { value: unknown }[])[0]?.value)))
}

/** One fee as the form edits it. */
export interface FeeDraft { name: FeeValue['name']; amount: string; fraction: string; per: FeeValue['per']; deducted: boolean; overdue: boolean; removed?: boolean }
export const feeDraft = (f: FeeValue): FeeDraft => ({
  name: f.name, amount: f.amountFen !== undefined ? fenToYuan(f.amountFen) : '', fraction: f.fractionOfPrincipal ?? '', per: f.per, deducted: f.deductedAtDisbursement, overdue: f.overdue,
})
export function feeValue(d: FeeDraft): FeeValue | undefined {
  const base = { name: d.name, per: d.per, deductedAtDisbursement: d.deducted, overdue: d.overdue }
  if (d.amount.trim()) {
    const fen = yuanTextToFen(d.amount)
    return fen === null ? undefined : { ...base, amountFen: fen }
  }
  return FRACTION.test(d.fraction.trim()) ? { ...base, fractionOfPrincipal: d.fraction.trim() } : undefined
}

/** One penalty (违约金) as the form edits it: an annual rate, a fixed amount, or a share of the loan. */
export interface PenaltyDraft { kind: 'rate' | 'amount' | 'fraction'; figure: string; removed?: boolean }
export const penaltyDraft = (p: PenaltyValue): PenaltyDraft =>
  p.rate ? { kind: 'rate', figure: p.rate.annual ?? '' } : p.amountFen !== undefined ? { kind: 'amount', figure: fenToYuan(p.amountFen) } : { kind: 'fraction', figure: p.fractionOfPrincipal ?? '' }
export function penaltyValue(d: PenaltyDraft, before?: PenaltyValue): PenaltyValue | undefined {
  const s = d.figure.trim()
  if (d.kind === 'amount') {
    const fen = yuanTextToFen(s)
    return fen === null ? undefined : { amountFen: fen }
  }
  if (!FRACTION.test(s)) return undefined
  if (d.kind === 'fraction') return { fractionOfPrincipal: s }
  // An unchanged written rate keeps how it was written (日千分之一); a new figure is an annual rate.
  return before?.rate?.annual === s ? { rate: before.rate } : { rate: { annual: s, per: 'year', written: s } }
}

/** Equal values whatever the order of their keys (a stored correction comes back in the contract's key order). */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (x: unknown): unknown => (x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).sort(([k], [l]) => k.localeCompare(l)).map(([k, v]) => [k, norm(v)])) : x)
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/**
 * Index corrections that turn the current list into the edited one, relative to the current list (they are appended
 * after the stored corrections, which produced it): changed entries first (indices still valid), then removals from
 * the last index down, then additions one past the end.
 */
export function listCorrections<V>(term: 'fees' | 'penalty', current: V[], edited: (V | null)[], added: V[]): TermCorrectionInput[] {
  const out: TermCorrectionInput[] = []
  edited.forEach((v, i) => {
    if (v !== null && !sameValue(v, current[i])) out.push({ term, index: i, value: v } as TermCorrectionInput)
  })
  for (let i = edited.length - 1; i >= 0; i--) if (edited[i] === null) out.push({ term, index: i, value: null } as TermCorrectionInput)
  let length = edited.filter((v) => v !== null).length
  for (const v of added) out.push({ term, index: length++, value: v } as TermCorrectionInput)
  return out
}
