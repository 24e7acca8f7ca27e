import { z } from 'zod'
import { bi } from './fields'

/**
 * Bulk import (issue 6) as the contract sees it: uploading a file in chunks, previewing it, the mapping,
 * starting a dry run or an import as a job, and the report the job ends with.
 */

/** One upload chunk: 4 MB of file bytes is 5.6 MB of base64; the wizard sends files in 4 MB slices. */
export const MAX_UPLOAD_CHUNK_BASE64 = 6 * 1024 * 1024
/** The largest file the wizard takes (the reader streams; the limit only bounds the staging folder). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

export const uploadId = z.string().regex(/^[0-9A-Z]{26}$/, bi('上传编号无效', 'invalid upload id'))
const base64 = z.string().max(MAX_UPLOAD_CHUNK_BASE64, bi('单次上传的数据过大（上限 4 MB）', 'the upload chunk is too large (4 MB at most)')).regex(/^[A-Za-z0-9+/]*={0,2}$/, bi('文件内容不是有效的 base64', 'the file content is not valid base64'))

export const importUploadInput = z.strictObject({
  /** Absent on the first chunk; the answer's uploadId names the file for the next chunks and the other channels. */
  uploadId: uploadId.optional(),
  name: z.string().trim().min(1, bi('缺少文件名', 'the file name is missing')).max(200, bi('文件名过长', 'the file name is too long')),
  chunkBase64: base64,
})

const mappedColumn = z.strictObject({
  header: z.string().min(1, bi('列名不能为空', 'the column header is empty')).max(200),
  rateKind: z.enum(['annual', 'monthly', 'daily']).optional(),
  unit: z.enum(['percent', 'wan']).optional(),
})

/** A column mapping as the wizard edits it; the core checks the field names (electron/core/import/mapping.ts). */
export const importMapping = z.strictObject({
  version: z.literal(1),
  name: z.string().max(100).optional(),
  columns: z.record(z.string().max(40), mappedColumn),
})
export type ImportMapping = z.infer<typeof importMapping>

const readChoice = {
  uploadId,
  /** XLSX: the sheet to read (default the first). */
  sheet: z.string().min(1).max(100).optional(),
  /** CSV: correct a wrong encoding guess. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le']).optional(),
}

export const importPreviewInput = z.strictObject(readChoice)

const mappingName = z.string().trim().min(1, bi('映射名称不能为空', 'the mapping name is empty')).max(100, bi('映射名称最多 100 个字符', 'the mapping name is 100 characters at most'))

export const importStartInput = z.strictObject({
  ...readChoice,
  /** The mapping to use; else the saved one named `mappingName`; else the proposed one. */
  mapping: importMapping.optional(),
  mappingName: mappingName.optional(),
  /** The lender of a file without a lender column (created if missing). */
  lender: z.string().trim().min(1).max(200, bi('出借人名称最多 200 个字符', 'the lender name is 200 characters at most')).optional(),
  /** Regime of lenders the import creates. */
  regime: z.enum(['private', 'licensed']).optional(),
})
export type ImportStartInput = z.input<typeof importStartInput>

export const importMappingSaveInput = z.strictObject({ name: mappingName, mapping: importMapping })

export const importRejectedInput = z.strictObject({
  runId: z.string().regex(/^[0-9A-Z]{26}$/, bi('导入编号无效', 'invalid import run id')),
  format: z.enum(['csv', 'xlsx']),
})

export interface ImportFieldInfo {
  field: string
  zh: string
  en: string
  required: boolean
}

export interface ImportFileInfo {
  format: 'csv' | 'xlsx'
  sizeBytes: number
  encoding?: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le'
  delimiter?: ',' | '\t' | ';'
  sheet?: string
}

export interface ImportPreview {
  uploadId: string
  fileName: string
  info: ImportFileInfo
  headers: string[]
  /** The first data rows, as read (cells as text). */
  rows: { rowNumber: number; cells: string[] }[]
  proposed: ImportMapping
  fields: ImportFieldInfo[]
  /** True when the proposed mapping has no lender column, so the import must name the lender. */
  needsLender: boolean
}

/** One rejected row's problem, row as Excel shows it (the header is row 1). */
export interface ImportRowError {
  row: number
  column: string
  code: string
  message: string
  messageEn: string
}

export interface ImportReport {
  runId: string
  dryRun: boolean
  fileName: string
  info: ImportFileInfo
  read: number
  imported: number
  updated: number
  unchanged: number
  /** Rows not stored. */
  rejectedRows: number
  /** Their problems (the first 1,000; the export has all). */
  errors: ImportRowError[]
  errorsTruncated: boolean
  /** Problems by code and column, for the dry run's summary. */
  errorSummary: { code: string; column: string; count: number; message: string; messageEn: string }[]
  /** Cases opened by this run (the first 500), for the report's links. */
  newCases: { caseId: string; caseNo: string; borrowerName: string }[]
  cancelled: boolean
  ms: number
  rowsPerSec: number
}

export interface ImportMappingEntry {
  name: string
  mapping: ImportMapping
  updatedAt: string
}

export interface ImportFile {
  fileName: string
  mime: string
  base64: string
  rows: number
}
