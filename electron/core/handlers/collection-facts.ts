import type { collectionFactsChannels } from '../../../shared/ipc/channels/collection-facts'
import { UserError } from '../errors'
import type { HandlersFor } from './types'

export const collectionFactsHandlers: HandlersFor<keyof typeof collectionFactsChannels> = {
  'assets.add': (s, i) => s.collection.facts.assets.add(i),
  'assets.list': (s, i) => s.collection.facts.assets.list(i.id),
  'acknowledgements.add': (s, i) => s.collection.facts.acknowledgements.add(i),
  'acknowledgements.list': (s, i) => s.collection.facts.acknowledgements.list(i.id),
  'actions.attachReceipt': async (s, { uploadId, fileName, dataBase64, ...i }) => {
    if (!uploadId) {
      if (!fileName || !dataBase64) throw new UserError('RECEIPT_FILE_MISSING', '请选择回执文件', 'Choose the receipt file', { field: 'dataBase64' })
      return s.collection.facts.attachReceipt(i, { fileName, bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')) })
    }
    // A staged upload is read from its file and discarded once taken in or refused (as evidence.add does).
    try {
      return await s.collection.facts.attachReceipt(i, s.import.uploadedFile(uploadId))
    } finally {
      s.import.discardUpload(uploadId)
    }
  },
  'paymentOrder.get': (s, i) => s.collection.facts.paymentOrder.get(i.id),
  'paymentOrder.set': (s, i) => s.collection.facts.paymentOrder.set(i),
  'conduct.rules': (s) => s.collection.settings.get(),
  'conduct.setRules': (s, i) => s.collection.settings.set(i.rules),
  'plans.reductionLimits': (s) => s.collection.settings.reductionLimits(),
}
