import { UserError } from '../errors'

/**
 * File-level import failures: the whole file cannot be read. Row-level problems are RowErrors instead
 * (see types.ts), because one bad row must never block the others.
 */
export const notASpreadsheet = (detail: string, detailEn: string) =>
  new UserError('IMPORT_NOT_SPREADSHEET', `该文件不是可导入的表格（CSV 或 XLSX）：${detail}`, `The file is not an importable spreadsheet (CSV or XLSX): ${detailEn}`)

export const legacyXls = () =>
  new UserError('IMPORT_XLS_UNSUPPORTED', '不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV 后再导入', 'The old .xls format is not supported; save the file as .xlsx or CSV in Excel and import that')

export const emptyFile = () =>
  new UserError('IMPORT_EMPTY_FILE', '文件是空的，没有表头和数据', 'The file is empty: no header row and no data')

export const headerTooWide = (count: number, max: number) =>
  new UserError('IMPORT_HEADER_TOO_WIDE', `表头有 ${count} 列，超过上限 ${max} 列`, `The header has ${count} columns, more than the limit of ${max}`, { details: { count, max } })

export const sheetNotFound = (sheet: string, available: string[]) =>
  new UserError('IMPORT_SHEET_NOT_FOUND', `找不到工作表“${sheet}”（现有：${available.join('、')}）`, `Sheet "${sheet}" not found (available: ${available.join(', ')})`, {
    details: { sheet, available },
  })

export const mixedEncoding = (encoding: string) =>
  new UserError('IMPORT_ENCODING_MIXED', `文件开头是 ${encoding} 编码，后面出现了无法按此编码解读的内容；请在 Excel 中重新另存为“CSV UTF-8”`,
    `The file starts as ${encoding} but later bytes are not valid ${encoding}; save it again from Excel as "CSV UTF-8"`)
