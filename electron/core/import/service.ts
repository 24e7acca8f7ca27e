import { appendFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { z } from 'zod'
import type { ImportFile, ImportMappingEntry, ImportPreview, importMappingSaveInput, importUploadInput } from '../../../shared/domain/import'
import { MAX_UPLOAD_BYTES } from '../../../shared/domain/import'
import { appendAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { CANONICAL_FIELDS, FIELD_SPECS } from './fields'
import { mappingSchema, proposeMapping, REQUIRED_FIELDS, resolveMapping, type Mapping } from './mapping'
import { readHeader, readRows } from './read-rows'
import { rejectedLog, runDir, runImport, type ImportJobParams, type RunHooks } from './run'
import { writeImportTemplate } from './template'
import { removeStaleUploads, uploadsDir } from './uploads'
import type { CsvEncoding, RejectedRow } from './index'
import { writeRejectedCsv, writeRejectedXlsx } from './rejected-export'

const PREVIEW_ROWS = 10


/** What the doors pass to start a run: a file on disk (the CLI's path, or an upload's staged file). */
export interface ImportRunRequest {
  path: string
  fileName: string
  dryRun: boolean
  sheet?: string
  encoding?: CsvEncoding
  /** A mapping to check and use (JSON from the wizard or a --mapping file); else `mappingName`; else the proposed one. */
  mapping?: unknown
  mappingName?: string
  lender?: string
  regime?: 'private' | 'licensed'
}

function parseMapping(m: unknown): Mapping {
  const r = mappingSchema.safeParse(m)
  if (r.success) return r.data
  const where = r.error.issues.map((i) => i.path.join('.')).join(', ')
  throw new UserError('IMPORT_MAPPING_INVALID', `列对应无效（${where}）`, `The column mapping is invalid (${where})`, { field: 'mapping', details: { issues: r.error.issues.map((i) => i.path.join('.')) } })
}

export function importService(ctx: CoreContext) {
  const raw = ctx.db.raw
  removeStaleUploads(ctx.platform.dataDir, Date.now())

  const getMapping = (name: string): Mapping => {
    const row = raw.prepare('SELECT mapping_json FROM import_mappings WHERE name = ?').pluck().get(name) as string | undefined
    if (row === undefined) throw new UserError('IMPORT_MAPPING_NOT_FOUND', `没有名为“${name}”的已保存列对应`, `No saved column mapping named "${name}"`, { field: 'mappingName' })
    return parseMapping(JSON.parse(row))
  }

  /** The header of the file a run read (kept beside its rejected log). */
  function runHeaders(runId: string): string[] {
    const file = join(runDir(ctx.platform.dataDir, runId), 'headers.json')
    if (!existsSync(file)) throw notFound('导入记录', 'Import run', runId)
    return JSON.parse(readFileSync(file, 'utf8')) as string[]
  }

  /** Every rejected row of a run, streamed from its log. */
  async function* rejectedRows(runId: string): AsyncGenerator<RejectedRow> {
    const file = rejectedLog(ctx.platform.dataDir, runId)
    if (!existsSync(file)) throw notFound('导入记录', 'Import run', runId)
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      if (line) yield JSON.parse(line) as RejectedRow
    }
  }

  /** Write a run's rejected rows as CSV or XLSX (the original header + 错误 + 原行号) to `outPath`; returns the row count. */
  async function writeRejected(runId: string, format: 'csv' | 'xlsx', outPath: string): Promise<number> {
    const headers = runHeaders(runId)
    const rows = rejectedRows(runId)
    return format === 'csv' ? writeRejectedCsv(outPath, headers, rows) : writeRejectedXlsx(outPath, headers, rows)
  }

  return {
    /** Stage a file chunk by chunk in the data directory (the renderer cannot hand over a path); returns its id. */
    upload(input: z.output<typeof importUploadInput>): { uploadId: string; sizeBytes: number } {
      const id = input.uploadId ?? ctx.newId()
      const dir = join(uploadsDir(ctx.platform.dataDir), id)
      if (input.uploadId && !existsSync(dir)) throw notFound('上传的文件', 'Upload', id)
      mkdirSync(dir, { recursive: true })
      const name = basename(input.name).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      const existing = readdirSync(dir)[0]
      const file = join(dir, existing ?? name)
      const bytes = Buffer.from(input.chunkBase64, 'base64')
      const size = (existing ? statSync(file).size : 0) + bytes.length
      if (size > MAX_UPLOAD_BYTES) {
        rmSync(dir, { recursive: true, force: true })
        throw new UserError('IMPORT_FILE_TOO_LARGE', `文件超过 ${MAX_UPLOAD_BYTES / 1048576} MB 上限`, `The file is larger than the ${MAX_UPLOAD_BYTES / 1048576} MB limit`, { field: 'chunkBase64' })
      }
      appendFileSync(file, bytes)
      return { uploadId: id, sizeBytes: size }
    },

    /** Drops a staged upload once it has been used (the evidence channel takes large files this way). */
    discardUpload(uploadId: string): void {
      rmSync(join(uploadsDir(ctx.platform.dataDir), uploadId), { recursive: true, force: true })
    },

    /** The staged file of an upload. */
    uploadedFile(uploadId: string): { path: string; fileName: string } {
      const dir = join(uploadsDir(ctx.platform.dataDir), uploadId)
      const name = existsSync(dir) ? readdirSync(dir)[0] : undefined
      if (!name) throw notFound('上传的文件', 'Upload', uploadId)
      return { path: join(dir, name), fileName: name }
    },

    /** Detected format/encoding, the header, the first rows and the proposed mapping. Stores nothing. */
    async preview(path: string, fileName: string, uploadId: string, opts: { sheet?: string; encoding?: CsvEncoding } = {}): Promise<ImportPreview> {
      const { info, headers } = await readHeader(path, opts)
      const rows: ImportPreview['rows'] = []
      for await (const r of readRows(path, opts)) {
        rows.push({ rowNumber: r.rowNumber, cells: r.cells.map((c) => (c.length > 200 ? c.slice(0, 200) + '…' : c)) })
        if (rows.length >= PREVIEW_ROWS) break
      }
      const proposed = proposeMapping(headers)
      return {
        uploadId, fileName, info, headers, rows, proposed, needsLender: !proposed.columns.lenderName,
        fields: CANONICAL_FIELDS.map((f) => ({ field: f, zh: FIELD_SPECS[f].zh, en: FIELD_SPECS[f].en, required: REQUIRED_FIELDS.includes(f) })),
      }
    },

    /**
     * Check everything that can be checked before a job starts (the mapping, its fit to the file's header, the
     * lender question) and fix the job's parameters. Throws the UserError the door shows.
     */
    async prepare(req: ImportRunRequest): Promise<ImportJobParams> {
      const { headers } = await readHeader(req.path, { sheet: req.sheet, encoding: req.encoding })
      const mapping = req.mapping ? parseMapping(req.mapping) : req.mappingName ? getMapping(req.mappingName) : proposeMapping(headers)
      resolveMapping(mapping, headers, Boolean(req.lender))
      return {
        runId: ctx.newId(), path: req.path, fileName: req.fileName, sheet: req.sheet, encoding: req.encoding, mapping,
        lender: req.lender, regime: req.regime ?? 'private', dryRun: req.dryRun,
      }
    },

    /** Run an import in this thread (the job's worker calls it). */
    run: (params: ImportJobParams, hooks: RunHooks) => runImport(ctx, params, hooks),

    /** Save (or replace) a mapping under a name; audited. */
    async saveMapping(input: z.output<typeof importMappingSaveInput>): Promise<ImportMappingEntry> {
      const mapping = parseMapping({ ...input.mapping, name: input.name })
      const now = ctx.nowIso()
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('import_mappings').select('mapping_json').where('name', '=', input.name).executeTakeFirst()
        await trx.insertInto('import_mappings').values({ name: input.name, mapping_json: JSON.stringify(mapping), updated_at: now })
          .onConflict((oc) => oc.column('name').doUpdateSet({ mapping_json: JSON.stringify(mapping), updated_at: now })).execute()
        await appendAudit(trx, { actor: ctx.platform.actor, at: now, entity: 'import_mapping', entityId: input.name, action: before ? 'update' : 'create', diff: { columns: Object.keys(mapping.columns) } })
      })
      return { name: input.name, mapping: mapping as ImportMappingEntry['mapping'], updatedAt: now }
    },

    async listMappings(): Promise<ImportMappingEntry[]> {
      const rows = await ctx.db.kysely.selectFrom('import_mappings').selectAll().orderBy('name').execute()
      return rows.map((r) => ({ name: r.name, mapping: JSON.parse(r.mapping_json), updatedAt: r.updated_at }))
    },

    getMapping,

    /** Write the import template (XLSX, canonical headers, one example row) to `path`. */
    writeTemplate: (path: string) => writeImportTemplate(path),

    /** The import template (XLSX with the canonical headers). */
    async template(): Promise<ImportFile> {
      const path = join(tmpdir(), `casedesk-template-${ctx.newId()}.xlsx`)
      try {
        await writeImportTemplate(path)
        return { fileName: '导入模板.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: readFileSync(path).toString('base64'), rows: 1 }
      } finally {
        rmSync(path, { force: true })
      }
    },

    rejectedRows,
    writeRejected,
    runHeaders,

    /** The rejected rows as a file for the renderer to save. */
    async rejectedFile(runId: string, format: 'csv' | 'xlsx'): Promise<ImportFile> {
      const path = join(tmpdir(), `casedesk-rejected-${ctx.newId()}.${format}`)
      try {
        const rows = await writeRejected(runId, format, path)
        const mime = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        return { fileName: `未导入的行.${format}`, mime, base64: readFileSync(path).toString('base64'), rows }
      } finally {
        rmSync(path, { force: true })
      }
    },
  }
}

export type ImportService = ReturnType<typeof importService>
