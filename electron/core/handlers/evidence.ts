import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { evidenceChannels } from '../../../shared/ipc/channels/evidence'
import { notFound, UserError } from '../errors'
import { thumbnailInWorker } from '../evidence/thumbs/thumbnail-job'
import type { HandlersFor } from './types'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

export const evidenceHandlers: HandlersFor<keyof typeof evidenceChannels> = {
  'evidence.list': async (s, i) => s.evidence.list(i.caseId, i.includeRemoved),
  'evidence.add': async (s, { files, ...meta }) => {
    // Staged uploads are read from their file (path), and discarded once taken in or refused.
    const staged = files.flatMap((f) => ('uploadId' in f ? [f.uploadId] : []))
    try {
      return await s.evidence.add(meta, files.map((f) => {
        if (!('uploadId' in f)) return { fileName: f.fileName, bytes: new Uint8Array(Buffer.from(f.dataBase64, 'base64')) }
        const u = s.import.uploadedFile(f.uploadId)
        return { fileName: u.fileName, path: u.path }
      }))
    } finally {
      for (const id of staged) s.import.discardUpload(id)
    }
  },
  'evidence.update': async (s, i) => s.evidence.update(i.id, i.patch),
  'evidence.arrange': async (s, i) => s.evidence.arrange(i.caseId, i.order),
  'evidence.remove': async (s, i) => s.evidence.remove(i.id, i.reason),
  'evidence.gaps': async (s, i) => s.evidence.gaps(i.caseId),
  'evidence.verify': async (s, i) => s.evidence.verify(i.caseId),
  'evidence.file': async (s, i) => {
    const { item, bytes } = await s.evidence.file(i.id)
    return { fileName: item.fileName, mime: item.mime, dataBase64: b64(bytes) }
  },
  'evidence.bundle.start': async (s, i) => s.jobs.start('evidence.bundle', { caseId: i.caseId, batesPrefix: i.batesPrefix }),
  'evidence.bundles': async (s, i) => s.evidence.bundles(i.caseId),
  'evidence.bundle.read': async (s, i) => {
    const row = await s.ctx.db.kysely.selectFrom('evidence_bundles').select(['zip_path', 'pdf_path']).where('id', '=', i.bundleId).executeTakeFirst()
    if (!row) throw notFound('证据包', 'Bundle', i.bundleId)
    const path = i.which === 'pdf' ? row.pdf_path : row.zip_path
    try {
      return { fileName: basename(path), mime: i.which === 'pdf' ? 'application/pdf' : 'application/zip', dataBase64: b64(readFileSync(path)) }
    } catch {
      throw new UserError('BUNDLE_FILE_MISSING', `证据包文件已不在原处：${path}`, `The bundle file is no longer where it was written: ${path}`)
    }
  },
  'evidence.packs.start': async (s, i) => s.jobs.start('evidence.packs', i),
  'evidence.thumbnail': async (s, i) => (await s.evidence.lightThumbnail(i.id)) ?? thumbnailInWorker(s, i.id),
  'evidence.verifyBundle': async (s, i) => {
    if ('uploadId' in i) {
      const u = s.import.uploadedFile(i.uploadId)
      try {
        return s.evidence.verifyBundle(u.path)
      } finally {
        s.import.discardUpload(i.uploadId)
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'casedesk-verify-'))
    try {
      const path = join(dir, 'bundle.zip')
      writeFileSync(path, Buffer.from(i.dataBase64, 'base64'))
      return s.evidence.verifyBundle(path)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
