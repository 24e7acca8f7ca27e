import { FIELD_SPECS, type CanonicalField } from './fields'
import { AMOUNT_FIELDS, type ResolvedMapping } from './mapping'
import { normalizeAmountFen } from './normalize-amount'
import { normalizeDate } from './normalize-date'
import { normalizeCreditCodeCell, normalizeIdNumberCell } from './normalize-identity'
import { normalizeCount, normalizeRepaymentMethod, normalizeText } from './normalize-misc'
import { normalizePhones } from './normalize-phone'
import { normalizeRate, type NormalizedRate } from './normalize-rate'
import { memoize } from './memo'
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
  return validatorFor(mapping, defaults).validate(row)
}

type Normaliser<T> = (raw: string) => Parsed<T>

/** Validators built once per mapping and defaults (an import passes the same two objects for every row). */
const validatorCache = new WeakMap<ResolvedMapping, Map<RowDefaults, RowValidator>>()
function validatorFor(mapping: ResolvedMapping, defaults: RowDefaults): RowValidator {
  let byDefaults = validatorCache.get(mapping)
  if (!byDefaults) validatorCache.set(mapping, (byDefaults = new Map()))
  let v = byDefaults.get(defaults)
  if (!v) {
    if (byDefaults.size > 8) byDefaults.clear() // callers normally pass one defaults object per import
    byDefaults.set(defaults, (v = new RowValidator(mapping, defaults)))
  }
  return v
}

/**
 * One row's checks, with the per-field normalisers (memoised: exports repeat their dates, rates and amounts)
 * and column names fixed for the mapping. A class rather than per-row closures: 100,000 rows would otherwise
 * create and collect a dozen functions each.
 */
class RowValidator {
  private readonly columnNames: Partial<Record<CanonicalField, string>> = {}
  private readonly text: Record<'borrowerName' | 'address' | 'lenderName' | 'contractNo', Normaliser<string>>
  private readonly amount: Record<(typeof AMOUNT_FIELDS)[number], Normaliser<number>>
  private readonly rate: Record<'rate' | 'overdueRate' | 'penaltyRate', Normaliser<NormalizedRate>>
  private readonly date: Normaliser<string> = memoize((raw) => normalizeDate(raw))
  private readonly idNumber: Normaliser<string>
  private readonly instalments: Normaliser<number> = memoize((raw) => normalizeCount(raw, FIELD_SPECS.instalments, MAX_INSTALMENTS))
  private readonly daysPastDue: Normaliser<number> = memoize((raw) => normalizeCount(raw, FIELD_SPECS.daysPastDue, MAX_DAYS_PAST_DUE))
  private readonly method = memoize((raw: string) => normalizeRepaymentMethod(raw))
  // The row being validated.
  private rowNumber = 0
  private cells: string[] = []
  private errors: RowError[] = []

  constructor(private readonly mapping: ResolvedMapping, private readonly defaults: RowDefaults) {
    for (const [field, i] of Object.entries(mapping.index) as [CanonicalField, number][]) this.columnNames[field] = mapping.headers[i] || columnLetter(i)
    const text = (field: CanonicalField, max: number): Normaliser<string> => (raw) => normalizeText(raw, max, FIELD_SPECS[field])
    this.text = { borrowerName: text('borrowerName', 100), address: text('address', 500), lenderName: text('lenderName', 200), contractNo: text('contractNo', 100) }
    const amount = (field: CanonicalField): Normaliser<number> => {
      const opts = { wan: mapping.columns[field]?.unit === 'wan' }
      return memoize((raw) => normalizeAmountFen(raw, opts))
    }
    this.amount = Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, amount(f)])) as RowValidator['amount']
    const rate = (field: 'rate' | 'overdueRate' | 'penaltyRate'): Normaliser<NormalizedRate> => {
      const col = mapping.columns[field]
      const opts = { defaultKind: col?.rateKind ?? 'annual', dayBasis: defaults.dayBasis, barePercent: col?.unit === 'percent' }
      return memoize((raw) => normalizeRate(raw, opts))
    }
    this.rate = { rate: rate('rate'), overdueRate: rate('overdueRate'), penaltyRate: rate('penaltyRate') }
    this.idNumber = (raw) => normalizeIdNumberCell(raw, defaults.today)
  }

  private cell(field: CanonicalField): string {
    const i = this.mapping.index[field]
    return i === undefined ? '' : (this.cells[i] ?? '')
  }

  private push(list: RowError[], field: CanonicalField | null, r: { code: string; message: string; messageEn: string }): void {
    list.push({ row: this.rowNumber, column: field === null ? '' : this.columnNames[field]!, code: r.code, message: r.message, messageEn: r.messageEn })
  }

  /** Run a normaliser on a mapped, non-empty cell; null when absent; records the error when bad. */
  private optional<T>(field: CanonicalField, fn: Normaliser<T>): T | null {
    const raw = this.cell(field)
    if (raw.trim() === '') return null
    const r = fn(raw)
    if (r.ok) return r.value
    this.push(this.errors, field, r)
    return null
  }

  private required<T>(field: CanonicalField, fn: Normaliser<T>): T | null {
    if (this.cell(field).trim() === '') {
      if (this.mapping.index[field] === undefined) return null
      const { zh, en } = FIELD_SPECS[field]
      this.push(this.errors, field, { code: 'IMPORT_REQUIRED', message: `${zh}为空`, messageEn: `${en} is empty` })
      return null
    }
    return this.optional(field, fn)
  }

  private crossField(field: CanonicalField, bad: boolean, code: string, message: string, messageEn: string): void {
    if (bad) this.push(this.errors, field, { code, message, messageEn })
  }

  validate(row: ReadRow): RowResult {
    const errors: RowError[] = [...(row.problems ?? [])]
    const warnings: RowError[] = []
    this.rowNumber = row.rowNumber
    this.cells = row.cells
    this.errors = errors
    const { defaults, mapping } = this
    const rowNumber = row.rowNumber

    checkExtraCells(row.cells, mapping.headers.length, rowNumber, errors)

    const name = this.required('borrowerName', this.text.borrowerName)
    const idNumber = this.required('idNumber', this.idNumber)
    const address = this.optional('address', this.text.address)
    let phones: { primary: string; others: string[] } | null = null
    const phoneRaw = this.cell('phone')
    if (phoneRaw.trim() !== '') {
      const r = normalizePhones(phoneRaw)
      if (r.ok) phones = r.value
      else this.push(warnings, 'phone', r)
    }

    // A lender column wins; an empty cell falls back to the lender the import was started for (--lender).
    let lenderName: string | null = null
    if (this.cell('lenderName').trim() !== '') lenderName = this.optional('lenderName', this.text.lenderName)
    else if (defaults.lenderName?.trim()) lenderName = defaults.lenderName.trim()
    else this.push(errors, mapping.index.lenderName === undefined ? null : 'lenderName', { code: 'IMPORT_REQUIRED', message: '出借人为空', messageEn: 'Lender is empty' })
    const creditCode = this.cell('lenderCreditCode').trim() !== ''
      ? this.optional('lenderCreditCode', normalizeCreditCodeCell)
      : defaults.lenderCreditCode ? unwrapDefault(normalizeCreditCodeCell(defaults.lenderCreditCode), rowNumber, errors) : null

    const contractNo = this.required('contractNo', this.text.contractNo)
    const contractDate = this.optional('contractDate', this.date)
    const disbursementDate = this.optional('disbursementDate', this.date)
    const dueDate = this.optional('dueDate', this.date)
    const contractAmountFen = this.required('contractAmount', this.amount.contractAmount)
    const disbursedAmountFen = this.optional('disbursedAmount', this.amount.disbursedAmount)
    const feesFen = this.optional('fees', this.amount.fees)
    const principalRepaidFen = this.optional('principalRepaid', this.amount.principalRepaid)
    const interestRepaidFen = this.optional('interestRepaid', this.amount.interestRepaid)
    const instalments = this.optional('instalments', this.instalments)
    const daysPastDue = this.optional('daysPastDue', this.daysPastDue)
    const interestRate = this.optional('rate', this.rate.rate)
    const overdueRate = this.optional('overdueRate', this.rate.overdueRate)
    const penaltyRate = this.optional('penaltyRate', this.rate.penaltyRate)
    const methodRaw = this.cell('repaymentMethod').trim()

    if (contractAmountFen !== null && contractAmountFen === 0) {
      this.crossField('contractAmount', true, 'IMPORT_AMOUNT_ZERO', '合同金额不能为 0', 'Contract amount must not be 0')
    }
    if (contractAmountFen !== null && disbursedAmountFen !== null) {
      this.crossField('disbursedAmount', disbursedAmountFen > contractAmountFen, 'IMPORT_DISBURSED_EXCEEDS_CONTRACT', '实际放款金额大于合同金额', 'Disbursed amount exceeds the contract amount')
    }
    const principalBase = disbursedAmountFen ?? contractAmountFen
    if (principalBase !== null && principalRepaidFen !== null) {
      this.crossField('principalRepaid', principalRepaidFen > principalBase, 'IMPORT_REPAID_EXCEEDS_PRINCIPAL', '已还本金大于借款本金', 'Principal repaid exceeds the principal')
    }
    if (disbursementDate !== null && dueDate !== null) {
      this.crossField('dueDate', dueDate < disbursementDate, 'IMPORT_DATE_ORDER', '到期日早于放款日期', 'Due date is before the disbursement date')
    }
    if (contractDate !== null && contractDate > defaults.today) {
      this.crossField('contractDate', true, 'IMPORT_DATE_IN_FUTURE', `${FIELD_SPECS.contractDate.zh}晚于今天`, `${FIELD_SPECS.contractDate.en} is after today`)
    }
    if (disbursementDate !== null && disbursementDate > defaults.today) {
      this.crossField('disbursementDate', true, 'IMPORT_DATE_IN_FUTURE', `${FIELD_SPECS.disbursementDate.zh}晚于今天`, `${FIELD_SPECS.disbursementDate.en} is after today`)
    }
    this.cells = []

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
        repaymentMethod: methodRaw === '' ? null : this.method(methodRaw), repaymentMethodOriginal: methodRaw === '' ? null : methodRaw,
      },
    }
    return { ok: true, value, warnings }
  }
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
