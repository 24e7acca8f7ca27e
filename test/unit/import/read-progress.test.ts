import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRows } from '../../../electron/core/import/read-rows'
import { logicalRows, tempDir, writeXlsx } from './fixtures'

describe('XLSX read progress (the wizard’s ETA for workbooks)', () => {
  it('tells how far through the sheet the reader is, so rows read ÷ fraction estimates the total', async () => {
    const path = join(tempDir(), 'rows.xlsx')
    const n = 3000
    await writeXlsx(path, logicalRows(n))
    const progress = { fraction: 0 }
    const seen: number[] = []
    let read = 0
    let estimateMidway = 0
    for await (const _ of readRows(path, { sheet: '逾期名单', progress })) {
      read++
      seen.push(progress.fraction)
      if (read === n / 2) estimateMidway = read / progress.fraction
    }
    expect(read).toBe(n)
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true)
    expect(progress.fraction).toBe(1)
    // A streamed workbook has no sizes in its zip headers: the share of the file read stands in, within a factor of 2.
    expect(estimateMidway).toBeGreaterThan(n / 2)
    expect(estimateMidway).toBeLessThan(n * 2)
  })
})
