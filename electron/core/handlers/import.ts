import type { importChannels } from '../../../shared/ipc/channels/import'
import { IMPORT_JOB } from '../import/job'
import type { ImportMappingEntry } from '../../../shared/domain/import'
import type { HandlersFor } from './types'

/** Uploads are resolved to their staged file here; the service works on paths (the CLI passes its own). */
export const importHandlers: HandlersFor<keyof typeof importChannels> = {
  'import.upload': async (s, i) => s.import.upload(i),
  'import.preview': async (s, i) => {
    const f = s.import.uploadedFile(i.uploadId)
    return s.import.preview(f.path, f.fileName, i.uploadId, { sheet: i.sheet, encoding: i.encoding })
  },
  'import.dryRun': async (s, { uploadId, ...i }) => s.jobs.start(IMPORT_JOB, await s.import.prepare({ ...i, ...s.import.uploadedFile(uploadId), dryRun: true })),
  'import.start': async (s, { uploadId, ...i }) => s.jobs.start(IMPORT_JOB, await s.import.prepare({ ...i, ...s.import.uploadedFile(uploadId), dryRun: false })),
  'import.mappings.save': async (s, i) => s.import.saveMapping(i),
  'import.mappings.list': async (s): Promise<ImportMappingEntry[]> => s.import.listMappings(),
  'import.template': async (s) => s.import.template(),
  'import.rejected': async (s, i) => s.import.rejectedFile(i.runId, i.format),
}
