import { createReadStream, createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import type { ImportReport, ImportRowError } from '../../../shared/domain/import'
import type { CoreContext } from '../context'
import { DuplicateTracker } from './duplicates'
import { FIELD_SPECS, type CanonicalField } from './fields'
import { resolveMapping, type Mapping } from './mapping'
import { readHeader, readRows } from './read-rows'
import { toStoredRow } from './store-row'
import type { CsvEncoding, RowError } from './types'
import { validateRow } from './validate-row'
import { createImportWriter, type PendingRow } from './writer'
import { columnLetter } from './text'
import { removeUploadOf } from './uploads'

/** What an import job runs with; `mapping` is already chosen (explicit, saved or proposed) by the service. */
export interface ImportJobParams {
  runId: string
  path: string
  fileName: string
  sheet?: string
  encoding?: CsvEncoding
  mapping: Mapping
  lender?: string
  regime: 'private' | 'licensed'
  dryRun: boolean
}

export interface RunHooks {
  cancelled(): boolean
  progress(done: number, total: number, current?: string): void
}

/**
 * Rows per transaction: large enough that commits and per-batch work (the case-number read, the search
 * rebuild, the batch's audit entry) cost little per row, small enough that a cancel or crash loses little
 * and a batch retried row by row (when the store refuses one row) stays quick.
 */
export const BATCH_ROWS = 5_000
const MAX_ERRORS_IN_REPORT = 1_000
const MAX_NEW_CASES_IN_REPORT = 500

/** Where a run keeps its rejected rows (JSON lines: rowNumber, cells, errors), for the CSV/XLSX export. */
export const runDir = (dataDir: string, runId: string) => join(dataDir, 'imports', 'runs', runId)
export const rejectedLog = (dataDir: string, runId: string) => join(runDir(dataDir, runId), 'rejected.jsonl')

/** Data rows in a CSV, estimated by counting line breaks (quoted line breaks over-count a little), for the ETA. */
async function estimateCsvRows(path: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
  }
  return Math.max(0, lines - 1)
}

/**
 * Read → validate → de-duplicate within the file → write in batches of BATCH_ROWS, one transaction each.
 * Rejected rows go to the run's log as they come (so a 200,000-row bad file costs no memory); cancel is
 * honoured between batches, so what is stored is always whole batches of whole rows.
 */
export async function runImport(ctx: CoreContext, p: ImportJobParams, hooks: RunHooks): Promise<ImportReport> {
  const started = performance.now()
  const today = ctx.today()
  const nowIso = ctx.nowIso()
  const { info, headers } = await readHeader(p.path, { sheet: p.sheet, encoding: p.encoding })
  const mapping = resolveMapping(p.mapping, headers, Boolean(p.lender))
  const columnOf = (field: CanonicalField) => {
    const i = mapping.index[field]
    return i === undefined ? FIELD_SPECS[field].zh : mapping.headers[i] || columnLetter(i)
  }
  const addressHeader = mapping.index.address === undefined ? '' : mapping.headers[mapping.index.address]
  const dayBasis = p.regime === 'licensed' ? 360 : 365
  const defaults = { lenderName: p.lender, dayBasis, today } as const
  const raw = ctx.db.raw
  // A bulk write touches every index of half a dozen tables at scattered keys (ID numbers, the search
  // index): SQLite's default 2 MB page cache turns that into re-reading pages. 64 MB keeps them in memory.
  raw.pragma('cache_size = -65536')
  // Every INSERT that fires a trigger (schedule_items, repayments, case_loans) keeps a statement journal of the
  // pages it touches; past 64 KB SQLite spills it to a temporary file, which was ~60 pwrite calls per row. In
  // memory it is a copy. This connection is the import job's own (a worker thread's), so nothing else is affected.
  raw.pragma('temp_store = MEMORY')
  // Durability: the store runs in WAL mode with synchronous=NORMAL (db/open.ts), so a batch's commit appends to
  // the WAL without an fsync and SQLite syncs at checkpoints. A power cut may lose the last committed batches,
  // never corrupt the store or keep part of a batch — the import's promise is whole batches and a re-run that
  // completes the rest, so FULL (an fsync per commit) would buy nothing it promises.
  raw.prepare(`INSERT INTO import_runs (id, file_name, dry_run, status, lender_name, mapping_json, actor, started_at) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)`)
    .run(p.runId, p.fileName, p.dryRun ? 1 : 0, p.lender ?? null, JSON.stringify(p.mapping), ctx.platform.actor, nowIso)
  const writer = createImportWriter(raw, ctx.newId, {
    runId: p.runId, actor: ctx.platform.actor, nowIso, today, regime: p.regime,
    addressKind: /户籍|身份证/.test(addressHeader) ? 'hukou' : 'residence', contractColumn: columnOf('contractNo'), nameColumn: columnOf('borrowerName'),
  })

  mkdirSync(runDir(ctx.platform.dataDir, p.runId), { recursive: true })
  writeFileSync(join(runDir(ctx.platform.dataDir, p.runId), 'headers.json'), JSON.stringify(headers))
  const log: WriteStream = createWriteStream(rejectedLog(ctx.platform.dataDir, p.runId))
  const report: ImportReport = {
    runId: p.runId, dryRun: p.dryRun, fileName: p.fileName, info, read: 0, imported: 0, updated: 0, unchanged: 0, rejectedRows: 0,
    errors: [], errorsTruncated: false, errorSummary: [], newCases: [], cancelled: false, ms: 0, rowsPerSec: 0,
  }
  const summary = new Map<string, ImportReport['errorSummary'][number]>()
  const reject = async (rowNumber: number, cells: string[], errors: RowError[]) => {
    report.rejectedRows++
    for (const e of errors) {
      const view: ImportRowError = { row: e.row, column: e.column, code: e.code, message: e.message, messageEn: e.messageEn }
      if (report.errors.length < MAX_ERRORS_IN_REPORT) report.errors.push(view)
      else report.errorsTruncated = true
      const key = `${e.code}\u0000${e.column}`
      const s = summary.get(key)
      if (s) s.count++
      else summary.set(key, { code: e.code, column: e.column, count: 1, message: e.message, messageEn: e.messageEn })
    }
    if (!log.write(JSON.stringify({ rowNumber, cells, errors }) + '\n')) await once(log, 'drain')
  }

  // The ETA's total: CSV lines are counted up front (one fast pass); an XLSX sheet is estimated as it is read,
  // from the rows read so far and the fraction of the sheet's XML inflated.
  let total = info.format === 'csv' ? await estimateCsvRows(p.path) : 0
  const readProgress = { fraction: 0 }
  const dups = new DuplicateTracker()
  let batch: PendingRow[] = []
  const flush = async () => {
    const outcomes = writer.writeBatch(batch, p.dryRun)
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i]
      if (o.kind === 'imported') {
        report.imported++
        if (report.newCases.length < MAX_NEW_CASES_IN_REPORT) report.newCases.push({ caseId: o.caseId, caseNo: o.caseNo, borrowerName: o.borrowerName })
      } else if (o.kind === 'updated') report.updated++
      else if (o.kind === 'unchanged') report.unchanged++
      else await reject(batch[i].rowNumber, batch[i].cells, o.errors)
    }
    batch = []
    if (info.format === 'xlsx' && readProgress.fraction > 0) total = Math.round(report.read / readProgress.fraction)
    total = Math.max(total, report.read)
    hooks.progress(report.read, total, `第 ${report.read + 1} 行 / row ${report.read + 1}`)
  }

  try {
    for await (const row of readRows(p.path, { sheet: p.sheet, encoding: p.encoding, progress: readProgress })) {
      report.read++
      const v = validateRow(row, mapping, defaults)
      if (!v.ok) {
        await reject(row.rowNumber, row.cells, v.errors)
      } else {
        const stored = toStoredRow(v.value, row.rowNumber, today, dayBasis, columnOf)
        const dup = stored.ok ? dups.check(v.value, stored.value.digest, row.rowNumber, columnOf('contractNo')) : null
        if (!stored.ok) await reject(row.rowNumber, row.cells, stored.errors)
        else if (dup!.kind === 'conflict') await reject(row.rowNumber, row.cells, [dup!.error])
        else if (dup!.kind === 'duplicate') report.unchanged++
        else batch.push({ rowNumber: row.rowNumber, cells: row.cells, value: v.value, stored: stored.value })
      }
      if (batch.length >= BATCH_ROWS) {
        await flush()
        if (hooks.cancelled()) {
          report.cancelled = true
          break
        }
      }
    }
    if (!report.cancelled) await flush()
  } catch (e) {
    // A failure while reading (a broken file past its header, a busy store): the stored batches stand; say so.
    raw.prepare(`UPDATE import_runs SET status = 'failed', rows_read = ?, imported = ?, ended_at = ? WHERE id = ?`).run(report.read, report.imported, ctx.nowIso(), p.runId)
    throw e
  } finally {
    log.end()
    await once(log, 'close')
  }

  report.errorSummary = [...summary.values()].sort((a, b) => b.count - a.count)
  report.ms = Math.round(performance.now() - started)
  report.rowsPerSec = report.ms > 0 ? Math.round((report.read * 1000) / report.ms) : report.read
  raw.prepare(`UPDATE import_runs SET status = ?, rows_read = ?, imported = ?, updated = ?, unchanged = ?, rejected = ?, ended_at = ? WHERE id = ?`)
    .run(report.cancelled ? 'cancelled' : 'done', report.read, report.imported, report.updated, report.unchanged, report.rejectedRows, ctx.nowIso(), p.runId)
  // A finished import has no further use for its uploaded copy; a dry run (the import follows) or a cancelled
  // run (it may be resumed) keeps it.
  if (!p.dryRun && !report.cancelled) removeUploadOf(ctx.platform.dataDir, p.path)
  hooks.progress(report.read, report.read)
  return report
}
