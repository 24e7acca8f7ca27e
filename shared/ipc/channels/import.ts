import {
  importMappingSaveInput, importPreviewInput, importRejectedInput, importStartInput, importUploadInput,
  type ImportFile, type ImportMappingEntry, type ImportPreview,
} from '../../domain/import'
import type { JobStarted } from '../../domain/jobs'
import { channel, none } from '../channel'

/**
 * Bulk import (issue 6). The renderer cannot hand the core a path, so a file is first uploaded in chunks
 * (staged in the data directory), then previewed, dry-run and imported by its uploadId. Dry runs and imports
 * are jobs: follow them with jobs.get (result: ImportReport), stop them with jobs.cancel.
 */
export const importChannels = {
  'import.upload': channel<typeof importUploadInput, { uploadId: string; sizeBytes: number }>(importUploadInput, 'Append one chunk (≤ 4 MB, base64) of a file to import; the first call (no uploadId) starts a new upload.'),
  'import.preview': channel<typeof importPreviewInput, ImportPreview>(importPreviewInput, 'Detected format and encoding, the header, the first 10 rows and the proposed column mapping. Stores nothing.'),
  'import.dryRun': channel<typeof importStartInput, JobStarted>(importStartInput, 'Start a dry run: every row read, validated and written, then rolled back; the job’s result is the report with the error summary.'),
  'import.start': channel<typeof importStartInput, JobStarted>(importStartInput, 'Start the import job: valid rows upserted by lender + contract number in batches of 5,000; new loans open cases in 新案.'),
  'import.mappings.save': channel<typeof importMappingSaveInput, ImportMappingEntry>(importMappingSaveInput, 'Save a column mapping under a name (replacing one of that name); audited.'),
  'import.mappings.list': channel<typeof none, ImportMappingEntry[]>(none, 'The saved column mappings, by name.'),
  'import.template': channel<typeof none, ImportFile>(none, 'The import template (XLSX, canonical headers, one example row), as base64.'),
  'import.rejected': channel<typeof importRejectedInput, ImportFile>(importRejectedInput, 'A run’s rejected rows as CSV or XLSX (original columns + 错误 + 原行号), as base64.'),
} as const
