import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { zipSync, strToU8 } from 'fflate'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { readHeader, readRows } from '../../../electron/core/import/read-rows'
import type { ReadRow } from '../../../electron/core/import/types'
import { tempDir } from './fixtures'

let dir: string
beforeAll(() => { dir = tempDir() })
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const all = async (path: string, opts = {}) => {
  const rows: ReadRow[] = []
  for await (const r of readRows(path, opts)) rows.push(r)
  return rows
}

describe('files that are not importable', () => {
  it('rejects an empty file, a whitespace-only file and a BOM-only file with IMPORT_EMPTY_FILE', async () => {
    for (const content of ['', '\r\n\r\n  \r\n', '\uFEFF']) {
      const p = file('empty.csv', content)
      await expect(readHeader(p)).rejects.toMatchObject({ code: 'IMPORT_EMPTY_FILE', messageEn: 'The file is empty: no header row and no data' })
      await expect(all(p)).rejects.toMatchObject({ code: 'IMPORT_EMPTY_FILE' })
    }
  })

  it('reads a header-only file as zero rows, not an error', async () => {
    const p = file('header-only.csv', '姓名,身份证号\r\n')
    expect((await readHeader(p)).headers).toEqual(['姓名', '身份证号'])
    expect(await all(p)).toEqual([])
  })

  it('recognises binaries, the old .xls format and zips that are not workbooks by their bytes', async () => {
    const pdf = file('report.csv', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0x02]))
    await expect(readHeader(pdf)).rejects.toMatchObject({ code: 'IMPORT_NOT_SPREADSHEET' })
    const xls = file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    await expect(readHeader(xls)).rejects.toMatchObject({ code: 'IMPORT_XLS_UNSUPPORTED' })
    const docx = file('letter.xlsx', zipSync({ 'word/document.xml': strToU8('<w:document/>') }))
    await expect(readHeader(docx)).rejects.toMatchObject({ code: 'IMPORT_NOT_SPREADSHEET' })
    const truncated = file('cut.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    await expect(readHeader(truncated)).rejects.toMatchObject({ code: 'IMPORT_NOT_SPREADSHEET' })
  })
})

describe('CSV reading', () => {
  it('detects tab and semicolon delimiters, ignoring delimiters inside quotes', async () => {
    expect((await readHeader(file('t.tsv', '姓名\t地址\t金额\r\n张三\t"北京,朝阳"\t1\r\n'))).info.delimiter).toBe('\t')
    expect((await readHeader(file('s.csv', '姓名;地址;金额\n张三;"a,b,c,d";1\n'))).info.delimiter).toBe(';')
    expect((await readHeader(file('c.csv', '"姓;名","地;址",金额\n张三,"a;b",1\n'))).info.delimiter).toBe(',')
  })

  it('parses quotes, doubled quotes, embedded newlines, CR-only line ends and a missing final newline', async () => {
    const p = file('q.csv', 'a,b,c\r"x ""y""","line1\nline2",3\r\n\r\nlast,"",\r\nend,"q"tail,z')
    const rows = await all(p)
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['x "y"', 'line1\nline2', '3'] },
      { rowNumber: 4, cells: ['last', '', ''] },
      { rowNumber: 5, cells: ['end', 'qtail', 'z'] },
    ])
  })

  it('decodes UTF-16LE (Excel "Unicode text") and GB18030 characters outside GBK', async () => {
    const u16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t金额\r\n龔𠀀\t1\r\n', 'utf16le')]))
    expect((await readHeader(u16)).info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' })
    expect((await all(u16))[0].cells).toEqual(['龔𠀀', '1'])
    const gb = file('gb.csv', iconv.encode('姓名,金额\r\n王䶮𠀀,1\r\n', 'gb18030'))
    expect((await readHeader(gb)).info.encoding).toBe('gb18030')
    expect((await all(gb))[0].cells).toEqual(['王䶮𠀀', '1'])
  })

  it('does not corrupt GBK names cut at every possible chunk boundary', async () => {
    const names = Array.from({ length: 30_000 }, (_, i) => `欧阳${String.fromCharCode(0x4e00 + (i % 20000))}`)
    const p = file('big-gbk.csv', iconv.encode('姓名,序号\r\n' + names.map((n, i) => `${n},${i}`).join('\r\n'), 'gbk'))
    const rows = await all(p)
    expect(rows.map((r) => r.cells[0])).toEqual(names)
  })

  it('stops with IMPORT_ENCODING_MIXED when UTF-8 turns into GBK after the detection sample', async () => {
    const head = Buffer.from('姓名,备注\r\n' + 'zhang,ok\r\n'.repeat(200_000), 'utf8')
    const p = file('mixed.csv', Buffer.concat([head, iconv.encode('张三,坏\r\n', 'gbk')]))
    expect((await readHeader(p)).info.encoding).toBe('utf-8')
    await expect(all(p)).rejects.toMatchObject({ code: 'IMPORT_ENCODING_MIXED' })
  })

  it('reports a 500-column row and a 10 MB cell on their rows and goes on reading', async () => {
    const wide = Array.from({ length: 500 }, (_, i) => `v${i}`).join(',')
    const huge = 'x'.repeat(10 * 1024 * 1024)
    const p = file('bad-rows.csv', `姓名,备注\r\n张三,ok\r\n${wide}\r\n李四,"${huge}"\r\n王五,fine\r\n`)
    const rows = await all(p)
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5])
    expect(rows[1].cells).toHaveLength(200)
    expect(rows[1].problems).toEqual([{ row: 3, column: '', code: 'IMPORT_ROW_TOO_MANY_COLUMNS', message: '该行有 500 列，超过上限 200 列', messageEn: 'The row has 500 columns, more than the limit of 200' }])
    expect(rows[2].cells).toEqual(['李四', ''])
    expect(rows[2].problems).toMatchObject([{ row: 4, column: '备注', code: 'IMPORT_CELL_TOO_LARGE' }])
    expect(rows[3]).toEqual({ rowNumber: 5, cells: ['王五', 'fine'] })
  })

  it('flags an unclosed quote on the row that swallowed the rest of the file', async () => {
    const rows = await all(file('open.csv', '姓名,备注\r\n张三,"oops\r\n李四,b\r\n'))
    expect(rows).toHaveLength(1)
    expect(rows[0].problems).toMatchObject([{ row: 2, code: 'IMPORT_CSV_UNCLOSED_QUOTE' }])
  })

  it('rejects a header wider than the limit as a file-level error', async () => {
    const p = file('wide-header.csv', Array.from({ length: 300 }, (_, i) => `h${i}`).join(',') + '\r\n')
    await expect(readHeader(p)).rejects.toMatchObject({ code: 'IMPORT_HEADER_TOO_WIDE' })
  })
})

describe('XLSX reading', () => {
  let path: string
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('封面').addRow(['本表仅供测试'])
    const ws = wb.addWorksheet('数据')
    ws.addRow(['姓名', '放款日期', '金额', '利率', '合计', '备注'])
    ws.addRow(['张三', new Date(Date.UTC(2024, 2, 5)), 1234.5, 0.18, { formula: 'C2*2', result: 2469 }, { richText: [{ text: '富' }, { text: '文本' }] }])
    ws.addRow(['李四', 45356, 0.1 + 0.2, 0.154, { formula: 'C3*2' }, '=1+1'])
    ws.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"'
    ws.getCell('D2').numFmt = '0%'
    ws.getCell('D3').numFmt = '0.0%'
    ws.getCell('Z3').numFmt = '@' // formatted but empty: must not widen the row
    ws.addRow([])
    ws.addRow(['王五', '2024/3/5', '', '', '', 'x'.repeat(2_000_000)])
    path = join(dir, 'book.xlsx')
    await wb.xlsx.writeFile(path)
  })

  it('reads the first sheet by default and a named sheet on request', async () => {
    expect(await readHeader(path)).toMatchObject({ info: { format: 'xlsx', sheet: '封面' }, headers: ['本表仅供测试'] })
    expect((await readHeader(path, { sheet: '数据' })).headers).toEqual(['姓名', '放款日期', '金额', '利率', '合计', '备注'])
    await expect(readHeader(path, { sheet: 'Sheet9' })).rejects.toMatchObject({ code: 'IMPORT_SHEET_NOT_FOUND', details: { available: ['封面', '数据'] } })
  })

  it('uses cached formula results, never evaluates, and reports formulas without one', async () => {
    const rows = await all(path, { sheet: '数据' })
    expect(rows[0]).toEqual({ rowNumber: 2, cells: ['张三', '2024-03-05', '1234.5', '18%', '2469', '富文本'] })
    expect(rows[1].cells).toEqual(['李四', '2024-03-05', '0.3', '15.4%', '', '=1+1'])
    expect(rows[1].problems).toMatchObject([{ row: 3, column: '合计', code: 'IMPORT_FORMULA_NO_VALUE' }])
  })

  it('skips blank rows but keeps Excel row numbers, and reports an oversized cell', async () => {
    const rows = await all(path, { sheet: '数据', maxCellChars: 1_000_000 })
    expect(rows[2].rowNumber).toBe(5)
    expect(rows[2].cells.slice(0, 2)).toEqual(['王五', '2024/3/5'])
    expect(rows[2].problems).toMatchObject([{ row: 5, column: '备注', code: 'IMPORT_CELL_TOO_LARGE' }])
  })
})
