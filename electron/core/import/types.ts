/**
 * Types shared by the reading, mapping and validation halves of bulk import.
 * Kept free of Node imports so they can move to `shared/` for the wizard unchanged.
 */

/** How a CSV file's bytes were decoded. `utf-8-bom` is UTF-8 that started with EF BB BF. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le'

/** The field separators CaseDesk recognises in CSV (and Excel's "Unicode text" export). */
export type CsvDelimiter = ',' | '\t' | ';'

/** What the reader found out about a file, shown in the wizard's preview ("检测到编码：GB18030"). */
export interface FileInfo {
  format: 'csv' | 'xlsx'
  sizeBytes: number
  /** CSV only. */
  encoding?: CsvEncoding
  /** CSV only. */
  delimiter?: CsvDelimiter
  /** XLSX only: the sheet read. */
  sheet?: string
}

/**
 * One problem tied to a row as Excel shows it (the header is row 1). `column` is the header text
 * (or the column letter when the header cell is empty); empty for whole-row problems.
 */
export interface RowError {
  row: number
  column: string
  code: string
  /** zh-CN */
  message: string
  messageEn: string
}

/** One row of the sheet. `problems` holds reading-level errors (too many columns, oversized cell). */
export interface ReadRow {
  rowNumber: number
  cells: string[]
  problems?: RowError[]
}

export type RateKind = 'annual' | 'monthly' | 'daily'

/** How a loan is repaid (要素式起诉状 "还款方式"). */
export type RepaymentMethod = 'equal_instalment' | 'equal_principal' | 'bullet' | 'interest_first' | 'other'

/** One clean, validated row: a borrower, the lender and one loan. Money in integer fen, rates as annual decimal fractions. */
export interface NormalizedRow {
  borrower: {
    name: string
    idNumber: string
    /** 11-digit mainland mobile number, or null when absent/unusable (then a warning says why). */
    phone: string | null
    /** Further mobile numbers found in the same cell ("138…/139…"). */
    otherPhones: string[]
    address: string | null
  }
  lender: { name: string; creditCode: string | null }
  loan: {
    contractNo: string
    contractDate: string | null
    contractAmountFen: number
    disbursedAmountFen: number | null
    disbursementDate: string | null
    dueDate: string | null
    instalments: number | null
    /** Annual rate as a decimal fraction, e.g. "0.24"; null when the file has none. */
    rateAnnual: string | null
    /** The cell text the rate came from, kept for review. */
    rateOriginal: string | null
    overdueRateAnnual: string | null
    overdueRateOriginal: string | null
    penaltyRateAnnual: string | null
    penaltyRateOriginal: string | null
    feesFen: number | null
    principalRepaidFen: number | null
    interestRepaidFen: number | null
    daysPastDue: number | null
    repaymentMethod: RepaymentMethod | null
    repaymentMethodOriginal: string | null
  }
}
