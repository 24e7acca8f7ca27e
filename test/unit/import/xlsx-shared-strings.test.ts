import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readHeader, readRows } from '../../../electron/core/import/read-rows'
import { readWorkbookMeta } from '../../../electron/core/import/xlsx-parts'
import { SharedStrings } from '../../../electron/core/import/xlsx-shared-strings'
import { tempDir } from './fixtures'

describe('the XLSX shared-strings table', () => {
  it('gives back every string as added, through buffer growth, and nothing past the end', () => {
    const t = new SharedStrings()
    const strings = ['', '张三', 'HT-2024-000001', '𠀀 astral 😀', 'a&b<c>', '长'.repeat(70_000)]
    for (let i = 0; i < 5_000; i++) strings.push(`借款人${i}号 ${'x'.repeat(i % 50)}`)
    for (const s of strings) t.add(s)
    expect(t.count).toBe(strings.length)
    strings.forEach((s, i) => expect(t.get(i)).toBe(s))
    expect(t.get(strings.length)).toBeUndefined()
    expect(t.get(-1)).toBeUndefined()
    expect(t.get(Number('not a number'))).toBeUndefined()
    expect(t.byteLength).toBe(strings.reduce((n, s) => n + Buffer.byteLength(s), 0))
  })

  it("reads a large workbook's table only as far as it is asked, holds it as UTF-8 bytes, and the rows still read it", async () => {
    const path = join(tempDir(), 'many-strings.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
    const ws = wb.addWorksheet('rows')
    ws.addRow(['借款人姓名', '合同编号', '户籍地址']).commit()
    const n = 20_000
    const row = (i: number) => [`张${String.fromCharCode(0x4e00 + (i % 20_000))}`, `HT-2024-${String(i).padStart(8, '0')}`, `北京市朝阳区某某路${i}号`]
    for (let i = 0; i < n; i++) ws.addRow(row(i)).commit()
    ws.commit()
    await wb.commit()

    const meta = (await readWorkbookMeta(path))!
    expect(meta.sharedStrings.count).toBe(0)
    // The header's strings come first: asking for them reads a piece of the table, not all of it.
    expect(meta.sharedStrings.get(2)).toBe('户籍地址')
    expect(meta.sharedStrings.count).toBeGreaterThan(2)
    expect(meta.sharedStrings.count).toBeLessThan((3 * n) / 2)
    expect((await readHeader(path)).headers).toEqual(['借款人姓名', '合同编号', '户籍地址'])

    expect(meta.sharedStrings.get(3 * n + 2)).toBe(row(n - 1)[2])
    expect(meta.sharedStrings.get(3 * n + 3)).toBeUndefined()
    expect(meta.sharedStrings.count).toBe(3 * n + 3)
    let utf8 = 0
    for (let i = 0; i < meta.sharedStrings.count; i++) utf8 += Buffer.byteLength(meta.sharedStrings.get(i)!)
    expect(meta.sharedStrings.byteLength).toBe(utf8)

    let read = 0
    for await (const r of readRows(path)) {
      expect(r.cells).toEqual(row(r.rowNumber - 2))
      read++
    }
    expect(read).toBe(n)
  })
})
