import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { proposeMapping, resolveMapping } from '../../../electron/core/import/mapping'
import { readHeader, readRows } from '../../../electron/core/import/read-rows'
import type { NormalizedRow } from '../../../electron/core/import/types'
import { validateRow } from '../../../electron/core/import/validate-row'
import { logicalRows, tempDir, writeCsvVariants, writeXlsx, type LogicalRow } from './fixtures'

const N = 1000
const defaults = { dayBasis: 360 as const, today: '2026-11-28' }

async function importAll(path: string, opts: { sheet?: string } = {}) {
  const { info, headers } = await readHeader(path, opts)
  const mapping = resolveMapping(proposeMapping(headers), headers, false)
  const values: NormalizedRow[] = []
  const rowNumbers: number[] = []
  for await (const row of readRows(path, opts)) {
    const r = validateRow(row, mapping, defaults)
    if (!r.ok) throw new Error(`row ${row.rowNumber}: ${JSON.stringify(r.errors)}`)
    expect(r.warnings).toEqual([])
    values.push(r.value)
    rowNumbers.push(row.rowNumber)
  }
  return { info, values, rowNumbers }
}

describe('the same 1,000 rows as UTF-8, UTF-8 BOM, GBK CSV and XLSX', () => {
  let rows: LogicalRow[]
  let results: Record<string, Awaited<ReturnType<typeof importAll>>>

  beforeAll(async () => {
    const dir = tempDir()
    rows = logicalRows(N)
    const csv = writeCsvVariants(dir, rows)
    const xlsx = join(dir, 'rows.xlsx')
    await writeXlsx(xlsx, rows)
    results = {}
    for (const [k, p] of Object.entries(csv)) results[k] = await importAll(p)
    // The workbook's first tab is a notes sheet; the data sheet is chosen by name, as --sheet does.
    results.xlsx = await importAll(xlsx, { sheet: '逾期名单' })
  })

  it('detects each encoding and the sheet', () => {
    expect(results.utf8.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' })
    expect(results.bom.info).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',' })
    expect(results.gbk.info).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' })
    expect(results.xlsx.info).toMatchObject({ format: 'xlsx', sheet: '逾期名单' })
  })

  it('gives identical normalised rows in every format', () => {
    expect(results.utf8.values).toHaveLength(N)
    expect(results.bom.values).toEqual(results.utf8.values)
    expect(results.gbk.values).toEqual(results.utf8.values)
    expect(results.xlsx.values).toEqual(results.utf8.values)
  })

  it('numbers rows as Excel does, quoted newlines included', () => {
    expect(results.utf8.rowNumbers[0]).toBe(2)
    expect(results.utf8.rowNumbers.at(-1)).toBe(N + 1)
    expect(results.xlsx.rowNumbers).toEqual(results.utf8.rowNumbers)
  })

  it('never corrupts a GBK name or a quoted address', () => {
    results.gbk.values.forEach((v, i) => {
      expect(v.borrower.name).toBe(rows[i].name)
      expect(v.borrower.address).toBe(rows[i].address.replace(/\s+/g, ' '))
    })
    expect(results.gbk.values[10].borrower.name).toBe('买买提·艾力')
  })

  it('normalises every field to the exact expected value', () => {
    results.utf8.values.forEach((v, i) => {
      const r = rows[i]
      expect(v.borrower).toEqual({ name: r.name, idNumber: r.id, phone: r.phone, otherPhones: [], address: r.address.replace(/\s+/g, ' ') })
      expect(v.loan).toMatchObject({
        contractNo: r.contractNo, contractDate: r.contractDate, contractAmountFen: r.amountFen, disbursedAmountFen: r.disbursedFen,
        disbursementDate: r.disbursementDate, dueDate: r.dueDate, instalments: r.instalments,
        principalRepaidFen: r.principalRepaidFen, interestRepaidFen: r.interestRepaidFen, daysPastDue: r.daysPastDue,
      })
    })
    expect(results.utf8.values[0].loan).toMatchObject({ rateAnnual: '0.18', rateOriginal: '18%', overdueRateAnnual: '0.24', repaymentMethod: 'equal_instalment' })
    expect(results.utf8.values[1].loan).toMatchObject({ rateAnnual: '0.24', overdueRateAnnual: '0.36', overdueRateOriginal: '0.36', repaymentMethod: 'equal_principal' })
    expect(results.utf8.values[2].loan).toMatchObject({ rateAnnual: '0.154', repaymentMethod: 'interest_first' })
  })
})
