import type { collectionFactsChannels } from '../../../shared/ipc/channels/collection-facts'
import type { HandlersFor } from './types'

export const collectionFactsHandlers: HandlersFor<keyof typeof collectionFactsChannels> = {
  'assets.add': (s, i) => s.collection.facts.assets.add(i),
  'assets.list': (s, i) => s.collection.facts.assets.list(i.id),
  'acknowledgements.add': (s, i) => s.collection.facts.acknowledgements.add(i),
  'acknowledgements.list': (s, i) => s.collection.facts.acknowledgements.list(i.id),
  'actions.attachReceipt': (s, i) => s.collection.facts.attachReceipt(i),
  'paymentOrder.get': (s, i) => s.collection.facts.paymentOrder.get(i.id),
  'paymentOrder.set': (s, i) => s.collection.facts.paymentOrder.set(i),
  'conduct.rules': (s) => s.collection.settings.get(),
  'conduct.setRules': (s, i) => s.collection.settings.set(i.rules),
  'plans.reductionLimits': (s) => s.collection.settings.reductionLimits(),
}
