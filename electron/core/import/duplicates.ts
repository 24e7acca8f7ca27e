import type { NormalizedRow, RowError } from './types'

export type DuplicateCheck =
  | { kind: 'first' }
  /** Same lender + contract number, same data: nothing new; the row is skipped, not rejected. */
  | { kind: 'duplicate'; firstRow: number; error: RowError }
  /** Same lender + contract number, different data: the first row stands, this one is rejected. */
  | { kind: 'conflict'; firstRow: number; error: RowError }

/** The key a loan is upserted by: lender + contract number (the DB's natural key). */
const loanKey = (r: NormalizedRow) => `${r.lender.name}\u0000${r.loan.contractNo}`

/**
 * Tracks contract numbers seen earlier in the same file. Keeps only the 64-bit digest of each row's
 * normalised data (not the row), so 200,000 rows cost a few tens of MB at most. Rows are compared
 * after normalisation, so `1,000.00` and `1000` for the same loan are the same data.
 */
export class DuplicateTracker {
  private readonly seen = new Map<string, { row: number; digest: string }>()

  /** Call once per valid row, in file order, with the row's digest (store-row.ts: it covers the whole normalised row). */
  check(value: NormalizedRow, digest: string, rowNumber: number, contractColumn: string): DuplicateCheck {
    const key = loanKey(value)
    const first = this.seen.get(key)
    if (!first) {
      this.seen.set(key, { row: rowNumber, digest })
      return { kind: 'first' }
    }
    const no = value.loan.contractNo
    if (first.digest === digest) {
      return {
        kind: 'duplicate', firstRow: first.row,
        error: { row: rowNumber, column: contractColumn, code: 'IMPORT_DUPLICATE_ROW', message: `与第 ${first.row} 行完全相同（合同编号 ${no}），已跳过`, messageEn: `Identical to row ${first.row} (contract ${no}); skipped` },
      }
    }
    return {
      kind: 'conflict', firstRow: first.row,
      error: { row: rowNumber, column: contractColumn, code: 'IMPORT_DUPLICATE_CONFLICT', message: `合同编号 ${no} 已在第 ${first.row} 行出现且内容不同；保留第 ${first.row} 行，本行未导入`, messageEn: `Contract ${no} already appears in row ${first.row} with different data; row ${first.row} was kept and this row was not imported` },
    }
  }

  get size(): number {
    return this.seen.size
  }
}
