import type { documentsChannels } from '../../../shared/ipc/channels/documents'
import type { HandlersFor } from './types'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

export const documentsHandlers: HandlersFor<keyof typeof documentsChannels> = {
  'documents.generate': async (s, i) => {
    const r = await s.documents.generate(i)
    return { document: r.record, missing: r.record.missing, bytesBase64: i.withBytes ? b64(r.bytes) : undefined, path: r.path }
  },
  'documents.listForCase': (s, i) => s.documents.listForCase(i.id),
  'documents.get': async (s, i) => {
    const r = await s.documents.get(i.id)
    return { document: r.record, missing: r.record.missing, bytesBase64: i.withBytes ? b64(r.bytes) : undefined }
  },
  'documents.regenerate': async (s, i) => {
    const r = await s.documents.regenerate(i.id)
    return { document: r.record, missing: r.record.missing, bytesBase64: b64(r.bytes), identical: r.identical, sha256: r.sha256, layout: r.layout }
  },
  'documents.batch': (s, i) => s.documents.startBatch(i),
  'documents.firmSettings': (s) => s.documents.getFirmSettings(),
  'documents.saveFirmSettings': (s, i) => s.documents.saveFirmSettings(i),
  'templates.list': (s, i) => s.documents.listTemplates(i?.docType),
  'templates.get': (s, i) => s.documents.getTemplate(i.id, i.version),
  'templates.copy': (s, i) => s.documents.copyTemplate(i.id, i.name),
  'templates.save': (s, i) => s.documents.saveTemplate(i),
  'templates.preview': (s, i) => s.documents.previewTemplate(i),
}
