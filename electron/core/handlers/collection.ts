import type { collectionChannels } from '../../../shared/ipc/channels/collection'
import type { HandlersFor } from './types'

export const collectionHandlers: HandlersFor<keyof typeof collectionChannels> = {
  'stages.change': (s, { caseId, ...change }) => s.collection.stages.change(caseId, change),
  'stages.bulkChange': (s, i) => s.collection.stages.bulkChange(i),
  'stages.options': (s, i) => s.collection.stages.options(i.id),
  'cases.bulkAssign': (s, i) => s.collection.stages.bulkAssign(i.caseIds, i.owner),

  'actions.add': (s, i) => s.collection.actions.add(i),
  'actions.check': (s, i) => s.collection.actions.check(i),
  'actions.list': (s, i) => s.collection.actions.list(i.id),

  'promises.add': (s, i) => s.collection.promises.add(i),
  'promises.list': (s, i) => s.collection.promises.list(i.id),

  'deadlines.compute': async (s, i) => s.collection.deadlines.compute(i.kind, i.from),
  'deadlines.forCase': (s, i) => s.collection.deadlines.forCase(i.id),
  'deadlines.setStatus': (s, i) => s.collection.deadlines.setStatus(i.id, i.status),

  'plans.propose': (s, i) => s.collection.plans.propose(i),
  'plans.agree': (s, i) => s.collection.plans.agree(i.id),
  'plans.list': (s, i) => s.collection.plans.list(i.id),
  'plans.agreement': (s, i) => s.collection.plans.agreement(i.id, i.format),
  'plans.setReductionLimit': (s, i) => s.collection.plans.setReductionLimit(i.lenderId, i.maxPercent),

  'litigation.get': (s, i) => s.collection.litigation.get(i.id),
  'litigation.update': (s, i) => s.collection.litigation.update(i),
  'litigation.addEvent': (s, i) => s.collection.litigation.addEvent(i),

  'queue.today': (s, i) => s.collection.queue.today(i?.limit),
  'queue.overrideScore': (s, i) => s.collection.queue.overrideScore(i.caseId, i.score, i.reason),
}
