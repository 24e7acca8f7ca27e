import { FIELD_SPECS, type CanonicalField } from './fields'
import { AMOUNT_FIELDS, type ResolvedMapping } from './mapping'
import { normalizeAmountFen } from './normalize-amount'
import { normalizeDate } from './normalize-date'
import { normalizeCreditCodeCell, normalizeIdNumberCell } from './normalize-identity'
import { normalizeCount, normalizeRepaymentMethod, normalizeText } from './normalize-misc'
import { normalizePhones } from './normalize-phone'
import { normalizeRate, type NormalizedRate } from './normalize-rate'
import type { Parsed } from './parsed'
import { columnLetter } from './text'
import type { NormalizedRow, ReadRow, RowError } from './types'

/** What the import itself supplies: the lender when the file has no lender column, the rate day basis, and today's date. */
export interface RowDefaults {
  lenderName?: string
  lenderCreditCode?: string
  /** Days per year for daily rates (LEGAL-RULES.md §I): 360 for licensed lenders' contracts, often 365 for private loans. */
  dayBasis: 360 | 365
  /** `YYYY-MM-DD`; bounds birth dates and contract/disbursement dates. */
  today: string
}

export type RowResult =
  | { ok: true; value: NormalizedRow; warnings: RowError[] }
  | { ok: false; errors: RowError[]; warnings: RowError[] }

const MAX_INSTALMENTS = 600
const MAX_DAYS_PAST_DUE = 36_500

/**
 * Validate and normalise one row. Every problem becomes a RowError (row as Excel shows it, column
 * header, code, zh/en message); all of a row's problems are reported at once so the user fixes
 * them in one pass. A bad phone number is only a warning (the loan is still importable; the number is dropped).
 * Cells beyond the header that are not empty reject the row: an unquoted comma in an address would
 * otherwise shift every later value into the wrong field.
 */
export function validateRow(row: ReadRow, mapping: ResolvedMapping, defaults: RowDefaults): RowResult {
  const errors: RowError[] = [...(row.problems ?? [])]
  const warnings: RowError[] = []
  const { cells, rowNumber } = row
  const columnName = (field: CanonicalField) => {
    const i = mapping.index[field]!
    return mapping.headers[i] || columnLetter(i)
  }
  const cell = (field: CanonicalField): string => {
    const i = mapping.index[field]
    return i === undefined ? '' : (cells[i] ?? '')
  }
  const push = (list: RowError[], field: CanonicalField | null, r: { code: string; message: string; messageEn: string }) =>
    list.push({ row: rowNumber, column: field === null ? '' : columnName(field), code: r.code, message: r.message, messageEn: r.messageEn })
  /** Run a normaliser on a mapped, non-empty cell; null when absent; records the error when bad. */
  const optional = <T>(field: CanonicalField, fn: (raw: string) => Parsed<T>): T | null => {
    const raw = cell(field)
    if (raw.trim() === '') return null
    const r = fn(raw)
    if (r.ok) return r.value
    push(errors, field, r)
    return null
  }
  const required = <T>(field: CanonicalField, fn: (raw: string) => Parsed<T>): T | null => {
    if (cell(field).trim() === '') {
      if (mapping.index[field] === undefined) return null
      const { zh, en } = FIELD_SPECS[field]
      push(errors, field, { code: 'IMPORT_REQUIRED', message: `${zh}为空`, messageEn: `${en} is empty` })
      return null
    }
    return optional(field, fn)
  }

  checkExtraCells(cells, mapping.headers.length, rowNumber, errors)

  const n = normalisers(mapping, defaults)
  const text = (max: number, field: CanonicalField) => n.text[field] ?? ((raw: string) => normalizeText(raw, max, FIELD_SPECS[field]))
  const name = required('borrowerName', text(100, 'borrowerName'))
  const idNumber = required('idNumber', (raw) => normalizeIdNumberCell(raw, defaults.today))
  const address = optional('address', text(500, 'address'))
  let phones: { primary: string; others: string[] } | null = null
  const phoneRaw = cell('phone')
  if (phoneRaw.trim() !== '') {
    const r = normalizePhones(phoneRaw)
    if (r.ok) phones = r.value
    else push(warnings, 'phone', r)
  }

  // A lender column wins; an empty cell falls back to the lender the import was started for (--lender).
  let lenderName: string | null = null
  if (cell('lenderName').trim() !== '') lenderName = optional('lenderName', text(200, 'lenderName'))
  else if (defaults.lenderName?.trim()) lenderName = defaults.lenderName.trim()
  else push(errors, mapping.index.lenderName === undefined ? null : 'lenderName', { code: 'IMPORT_REQUIRED', message: '出借人为空', messageEn: 'Lender is empty' })
  const creditCode = cell('lenderCreditCode').trim() !== ''
    ? optional('lenderCreditCode', normalizeCreditCodeCell)
    : defaults.lenderCreditCode ? unwrapDefault(normalizeCreditCodeCell(defaults.lenderCreditCode), rowNumber, errors) : null

  const contractNo = required('contractNo', text(100, 'contractNo'))
  const date = normalizeDate
  const contractDate = optional('contractDate', date)
  const disbursementDate = optional('disbursementDate', date)
  const dueDate = optional('dueDate', date)
  const amount = (field: CanonicalField) => n.amount[field]!
  const contractAmountFen = required('contractAmount', amount('contractAmount'))
  const disbursedAmountFen = optional('disbursedAmount', amount('disbursedAmount'))
  const feesFen = optional('fees', amount('fees'))
  const principalRepaidFen = optional('principalRepaid', amount('principalRepaid'))
  const interestRepaidFen = optional('interestRepaid', amount('interestRepaid'))
  const instalments = optional('instalments', (raw) => normalizeCount(raw, FIELD_SPECS.instalments, MAX_INSTALMENTS))
  const daysPastDue = optional('daysPastDue', (raw) => normalizeCount(raw, FIELD_SPECS.daysPastDue, MAX_DAYS_PAST_DUE))
  const rate = (field: 'rate' | 'overdueRate' | 'penaltyRate') => n.rate[field]
  const interestRate: NormalizedRate | null = optional('rate', rate('rate'))
  const overdueRate = optional('overdueRate', rate('overdueRate'))
  const penaltyRate = optional('penaltyRate', rate('penaltyRate'))
  const methodRaw = cell('repaymentMethod').trim()

  const crossField = (field: CanonicalField, bad: boolean, code: string, message: string, messageEn: string) => {
    if (bad) push(errors, field, { code, message, messageEn })
  }
  if (contractAmountFen !== null && contractAmountFen === 0) {
    crossField('contractAmount', true, 'IMPORT_AMOUNT_ZERO', '合同金额不能为 0', 'Contract amount must not be 0')
  }
  if (contractAmountFen !== null && disbursedAmountFen !== null) {
    crossField('disbursedAmount', disbursedAmountFen > contractAmountFen, 'IMPORT_DISBURSED_EXCEEDS_CONTRACT', '实际放款金额大于合同金额', 'Disbursed amount exceeds the contract amount')
  }
  const principalBase = disbursedAmountFen ?? contractAmountFen
  if (principalBase !== null && principalRepaidFen !== null) {
    crossField('principalRepaid', principalRepaidFen > principalBase, 'IMPORT_REPAID_EXCEEDS_PRINCIPAL', '已还本金大于借款本金', 'Principal repaid exceeds the principal')
  }
  if (disbursementDate !== null && dueDate !== null) {
    crossField('dueDate', dueDate < disbursementDate, 'IMPORT_DATE_ORDER', '到期日早于放款日期', 'Due date is before the disbursement date')
  }
  for (const [field, value] of [['contractDate', contractDate], ['disbursementDate', disbursementDate]] as const) {
    if (value !== null) crossField(field, value > defaults.today, 'IMPORT_DATE_IN_FUTURE', `${FIELD_SPECS[field].zh}晚于今天`, `${FIELD_SPECS[field].en} is after today`)
  }

  if (errors.length > 0 || name === null || idNumber === null || lenderName === null || contractNo === null || contractAmountFen === null) {
    return { ok: false, errors, warnings }
  }
  const value: NormalizedRow = {
    borrower: { name, idNumber, phone: phones?.primary ?? null, otherPhones: phones?.others ?? [], address },
    lender: { name: lenderName, creditCode },
    loan: {
      contractNo, contractDate, contractAmountFen, disbursedAmountFen, disbursementDate, dueDate, instalments,
      rateAnnual: interestRate?.annual ?? null, rateOriginal: interestRate?.original ?? null,
      overdueRateAnnual: overdueRate?.annual ?? null, overdueRateOriginal: overdueRate?.original ?? null,
      penaltyRateAnnual: penaltyRate?.annual ?? null, penaltyRateOriginal: penaltyRate?.original ?? null,
      feesFen, principalRepaidFen, interestRepaidFen, daysPastDue,
      repaymentMethod: normalizeRepaymentMethod(methodRaw), repaymentMethodOriginal: methodRaw === '' ? null : methodRaw,
    },
  }
  return { ok: true, value, warnings }
}

type Normaliser<T> = (raw: string) => Parsed<T>
interface Normalisers {
  text: Partial<Record<CanonicalField, Normaliser<string>>>
  amount: Partial<Record<CanonicalField, Normaliser<number>>>
  rate: Record<'rate' | 'overdueRate' | 'penaltyRate', Normaliser<NormalizedRate>>
}

/** Per-field normalisers, built once per mapping and defaults rather than as fresh closures for every row. */
const normaliserCache = new WeakMap<ResolvedMapping, Map<RowDefaults, Normalisers>>()
function normalisers(mapping: ResolvedMapping, defaults: RowDefaults): Normalisers {
  let byDefaults = normaliserCache.get(mapping)
  if (!byDefaults) normaliserCache.set(mapping, (byDefaults = new Map()))
  let n = byDefaults.get(defaults)
  if (n) return n
  const text = (field: CanonicalField, max: number): Normaliser<string> => (raw) => normalizeText(raw, max, FIELD_SPECS[field])
  const amount = (field: CanonicalField): Normaliser<number> => {
    const opts = { wan: mapping.columns[field]?.unit === 'wan' }
    return (raw) => normalizeAmountFen(raw, opts)
  }
  const rate = (field: 'rate' | 'overdueRate' | 'penaltyRate'): Normaliser<NormalizedRate> => {
    const col = mapping.columns[field]
    const opts = { defaultKind: col?.rateKind ?? 'annual', dayBasis: defaults.dayBasis, barePercent: col?.unit === 'percent' }
    return (raw) => normalizeRate(raw, opts)
  }
  n = {
    text: { borrowerName: text('borrowerName', 100), address: text('address', 500), lenderName: text('lenderName', 200), contractNo: text('contractNo', 100) },
    amount: Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, amount(f)])),
    rate: { rate: rate('rate'), overdueRate: rate('overdueRate'), penaltyRate: rate('penaltyRate') },
  }
  if (byDefaults.size > 8) byDefaults.clear() // callers normally pass one defaults object per import
  byDefaults.set(defaults, n)
  return n
}

function checkExtraCells(cells: string[], headerCount: number, rowNumber: number, errors: RowError[]): void {
  for (let i = headerCount; i < cells.length; i++) {
    if (cells[i].trim() !== '') {
      errors.push({
        row: rowNumber, column: columnLetter(i), code: 'IMPORT_ROW_EXTRA_CELLS',
        message: `该行在表头之外的第 ${columnLetter(i)} 列还有内容（可能是未加引号的逗号使数据错位）`,
        messageEn: `The row has content in column ${columnLetter(i)}, beyond the header (an unquoted comma may have shifted the data)`,
      })
      return
    }
  }
}

function unwrapDefault(r: Parsed<string>, rowNumber: number, errors: RowError[]): string | null {
  if (r.ok) return r.value
  errors.push({ row: rowNumber, column: '', code: r.code, message: r.message, messageEn: r.messageEn })
  return null
}
