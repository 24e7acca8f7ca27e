import { isDateFormat, isPercentFormat } from './xlsx-cell'
import { SharedStrings } from './xlsx-shared-strings'
import { XmlScanner, type XmlHandlers } from './xml-scanner'
import { dataStart, readEntries, zipEntryPieces, zipEntryTexts } from './xlsx-zip'

/** What must be known before a worksheet's rows can be read. */
export interface WorkbookMeta {
  /** Sheets in tab order, with the zip path of their XML. */
  sheets: Array<{ name: string; path: string }>
  date1904: boolean
  /** Per cell-format (xf) index: how its number format displays numbers. */
  styleKinds: Array<'date' | 'percent' | null>
  sharedStrings: SharedStrings
}

const PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']
const SHARED_STRINGS = 'xl/sharedStrings.xml'

/**
 * Built-in number formats that display dates (ECMA-376 §18.8.30, plus 27–36 and 50–58, which
 * Chinese-locale Excel uses for 年月日 formats) and percentages.
 */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])
const BUILTIN_PERCENT = new Set([9, 10])

/**
 * What the zip's small parts say: sheet names and targets, the date system, which styles are dates or
 * percentages; and the shared strings, read as far as the sheet's cells ask (xlsx-shared-strings.ts).
 * Returns null when the zip has no workbook (a .docx, a random archive).
 */
export async function readWorkbookMeta(path: string): Promise<WorkbookMeta | null> {
  const scanners = new Map<string, XmlScanner>()
  const sheetsInOrder: Array<{ name: string; rid: string }> = []
  const rels = new Map<string, string>()
  const customFormats = new Map<number, string>()
  const xfFormats: number[] = []
  let date1904 = false
  let sawWorkbook = false

  let inCellXfs = false
  const handlers = (part: string): XmlHandlers => {
    if (part === 'xl/workbook.xml') return {
      open: (n, a) => {
        sawWorkbook = true
        if (n === 'sheet') sheetsInOrder.push({ name: a.name ?? '', rid: a.id ?? '' })
        if (n === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true
      }, close: () => {}, text: () => {},
    }
    if (part === 'xl/_rels/workbook.xml.rels') return {
      open: (n, a) => { if (n === 'Relationship' && a.Id && a.Target) rels.set(a.Id, a.Target) }, close: () => {}, text: () => {},
    }
    if (part === 'xl/styles.xml') return {
      open: (n, a) => {
        if (n === 'numFmt' && a.numFmtId) customFormats.set(Number(a.numFmtId), a.formatCode ?? '')
        if (n === 'cellXfs') inCellXfs = true
        if (n === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0))
      },
      close: (n) => { if (n === 'cellXfs') inCellXfs = false }, text: () => {},
    }
    return { open: () => {}, close: () => {}, text: () => {} }
  }
  for await (const { name, text } of zipEntryTexts(path, (n) => PARTS.includes(n))) {
    let scanner = scanners.get(name)
    if (!scanner) scanners.set(name, (scanner = new XmlScanner(handlers(name))))
    scanner.push(text)
  }
  if (!sawWorkbook) return null
  const styleKinds = xfFormats.map((id) => {
    const code = customFormats.get(id)
    if (code !== undefined) return isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : null
    return BUILTIN_DATE.has(id) ? 'date' : BUILTIN_PERCENT.has(id) ? 'percent' : null
  })
  const sheets = sheetsInOrder.map((s) => ({ name: s.name, path: sheetPath(rels.get(s.rid) ?? '') }))
  return { sheets, date1904, styleKinds, sharedStrings: await openSharedStrings(path) }
}

/** The workbook's shared-strings table, empty if it has none, filled from the file as it is asked for. */
async function openSharedStrings(path: string): Promise<SharedStrings> {
  const entry = (await readEntries(path)).find((e) => e.name === SHARED_STRINGS)
  if (!entry) return new SharedStrings()
  const pieces = zipEntryPieces(path, entry, await dataStart(path, entry))
  let si: string[] | null = null
  let inT = false
  let inPhonetic = 0
  // <si> holds <t> or rich-text runs <r><t>; <rPh> phonetic guides are not part of the text.
  const scanner = new XmlScanner({
    open: (n) => {
      if (n === 'si') si = []
      else if (n === 'rPh') inPhonetic++
      else if (n === 't' && inPhonetic === 0) inT = true
    },
    close: (n) => {
      if (n === 'si' && si) { table.add(si.join('')); si = null }
      else if (n === 'rPh') inPhonetic--
      else if (n === 't') inT = false
    },
    text: (t) => { if (inT && si) si.push(t) },
  })
  const table: SharedStrings = new SharedStrings(() => {
    const text = pieces.next()
    if (text === null) return false
    scanner.push(text)
    return true
  })
  return table
}

/** Relationship targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml"). */
function sheetPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
}
