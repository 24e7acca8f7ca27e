import { ownString } from './text'
import type { NormalizedRow, RowError } from './types'

export type DuplicateCheck =
  | { kind: 'first' }
  /** Same lender + contract number, same data: nothing new; the row is skipped, not rejected. */
  | { kind: 'duplicate'; firstRow: number; error: RowError }
  /** Same lender + contract number, different data: the first row stands, this one is rejected. */
  | { kind: 'conflict'; firstRow: number; error: RowError }

/**
 * Tracks contract numbers seen earlier in the same file, by lender (the DB's natural key is lender +
 * contract number). It lives for the whole run, so it keeps as little per row as it can: one map entry
 * (the contract number → a slot) and, in typed arrays outside the JS heap, the first row's number and the
 * 64-bit digest of its normalised data — about 60 bytes a row, where a string key, an object and a digest
 * string cost three times that (the import worker's heap is capped: job.ts). Rows are compared after
 * normalisation, so `1,000.00` and `1000` for the same loan are the same data.
 */
export class DuplicateTracker {
  private readonly byLender = new Map<string, Map<string, number>>()
  private rows = new Int32Array(1024)
  /** Two 32-bit halves per slot (fingerprint.ts writes a digest as two base-36 numbers). */
  private digests = new Uint32Array(2048)
  private count = 0

  /** Call once per valid row, in file order, with the row's digest (store-row.ts: it covers the whole normalised row). */
  check(value: NormalizedRow, digest: string, rowNumber: number, contractColumn: string): DuplicateCheck {
    let seen = this.byLender.get(value.lender.name)
    if (!seen) this.byLender.set(ownString(value.lender.name), (seen = new Map()))
    const no = value.loan.contractNo
    const colon = digest.indexOf(':')
    const hi = parseInt(digest.slice(0, colon), 36)
    const lo = parseInt(digest.slice(colon + 1), 36)
    const slot = seen.get(no)
    if (slot === undefined) {
      this.add(seen, no, rowNumber, hi, lo)
      return { kind: 'first' }
    }
    const firstRow = this.rows[slot]
    if (this.digests[2 * slot] === hi && this.digests[2 * slot + 1] === lo) {
      return {
        kind: 'duplicate', firstRow,
        error: { row: rowNumber, column: contractColumn, code: 'IMPORT_DUPLICATE_ROW', message: `与第 ${firstRow} 行完全相同（合同编号 ${no}），已跳过`, messageEn: `Identical to row ${firstRow} (contract ${no}); skipped` },
      }
    }
    return {
      kind: 'conflict', firstRow,
      error: { row: rowNumber, column: contractColumn, code: 'IMPORT_DUPLICATE_CONFLICT', message: `合同编号 ${no} 已在第 ${firstRow} 行出现且内容不同；保留第 ${firstRow} 行，本行未导入`, messageEn: `Contract ${no} already appears in row ${firstRow} with different data; row ${firstRow} was kept and this row was not imported` },
    }
  }

  private add(seen: Map<string, number>, contractNo: string, rowNumber: number, hi: number, lo: number): void {
    if (this.count === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2)
      rows.set(this.rows)
      this.rows = rows
      const digests = new Uint32Array(this.digests.length * 2)
      digests.set(this.digests)
      this.digests = digests
    }
    const slot = this.count++
    this.rows[slot] = rowNumber
    this.digests[2 * slot] = hi
    this.digests[2 * slot + 1] = lo
    // The contract number may be a view into the chunk of the file it was read from: keep a copy of its own.
    seen.set(ownString(contractNo), slot)
  }

  get size(): number {
    return this.count
  }
}
