import { z } from 'zod'
import type { CaseDetail } from '../../domain/case'
import {
  actionInput, agreementInput, bulkAssignInput, bulkStageInput, courtEventInput, deadlineInput, deadlineStatusInput, litigationInput, planProposeInput, promiseInput,
  reductionLimitInput, scoreOverrideInput, stageChangeInput,
  type BulkResult, type CaseDeadlines, type CollectionAction, type CourtEventView, type DeadlineAnswer, type GeneratedFile, type GuardViolationView,
  type LitigationRecord, type PlanView, type PromiseView, type QueueItem, type StageOptions,
} from '../../domain/collection'
import { byId, channel } from '../channel'

const queueInput = z.strictObject({ limit: z.number().int().min(1).max(5000).default(500) }).optional()

/** Collection, deadlines and disputes (issue 8): stages, the collection log and its conduct guard, promises, deadlines, plans, litigation, the work queue. */
export const collectionChannels = {
  'stages.change': channel<typeof stageChangeInput, CaseDetail>(stageChangeInput, 'Move a case to another stage with the data it needs (litigation: court + filing date; closed: a reason). Written to the stage history.'),
  'stages.bulkChange': channel<typeof bulkStageInput, BulkResult>(bulkStageInput, 'Move selected cases; each refusal is reported and the rest go on.'),
  'stages.options': channel<typeof byId, StageOptions>(byId, 'Where a case (id) may move next, what each stage needs, and its stage history.'),
  'cases.bulkAssign': channel<typeof bulkAssignInput, BulkResult>(bulkAssignInput, 'Give selected cases one owner.'),

  'actions.add': channel<typeof actionInput, CollectionAction>(actionInput, 'Log a contact. The conduct guard runs first: a blocked action fails with its code (CONTACT_OUTSIDE_HOURS, CONTACT_TOO_FREQUENT, THIRD_PARTY_DISCLOSURE, FORBIDDEN_EXPRESSION) unless overrideReason is given, which goes to the audit log.'),
  'actions.check': channel<typeof actionInput, GuardViolationView[]>(actionInput, 'Run the conduct guard on an action without saving it.'),
  'actions.list': channel<typeof byId, CollectionAction[]>(byId, 'The collection log of a case (id), newest first.'),

  'promises.add': channel<typeof promiseInput, PromiseView>(promiseInput, 'Record a promise to pay: amount and date.'),
  'promises.list': channel<typeof byId, PromiseView[]>(byId, 'The promises of a case (id), matched against repayments: open, kept, partly kept or broken.'),

  'deadlines.compute': channel<typeof deadlineInput, DeadlineAnswer>(deadlineInput, 'One legal deadline from an event date, rolled past rest days on the holiday calendar.'),
  'deadlines.forCase': channel<typeof byId, CaseDeadlines>(byId, 'The court deadlines and hearings of a case (id), and the limitation of each loan, with 90/30/7-day warnings.'),
  'deadlines.setStatus': channel<typeof deadlineStatusInput, { id: string; status: string }>(deadlineStatusInput, 'Mark a deadline done or dismissed.'),

  'plans.propose': channel<typeof planProposeInput, PlanView>(planProposeInput, 'Propose a repayment plan: the supportable claim minus a reduction within the lender’s limit, split into instalments that add up exactly.'),
  'plans.agree': channel<typeof byId, PlanView>(byId, 'The borrower signed the plan (id): tracking starts; it interrupts limitation.'),
  'plans.list': channel<typeof byId, PlanView[]>(byId, 'The plans of a case (id), tracked against repayments, with an alert on a missed instalment.'),
  'plans.agreement': channel<typeof agreementInput, GeneratedFile>(agreementInput, 'The 还款协议 of a plan as PDF or DOCX (base64).'),
  'plans.setReductionLimit': channel<typeof reductionLimitInput, { lenderId: string; maxPercent: number }>(reductionLimitInput, 'The share of interest, penalty and fees a lawyer may waive for a lender without further approval.'),

  'litigation.get': channel<typeof byId, LitigationRecord>(byId, 'The litigation record of a case (id): procedure, court, 案号, filing date, court fees, hints, court events.'),
  'litigation.update': channel<typeof litigationInput, LitigationRecord>(litigationInput, 'Set procedure, court, 案号 (validated) and filing date.'),
  'litigation.addEvent': channel<typeof courtEventInput, CourtEventView>(courtEventInput, 'Record a court event (preservation, payment order, hearing, judgment, ruling, served, enforcement); deadlines follow.'),

  'queue.today': channel<typeof queueInput, QueueItem[]>(queueInput, 'The work queue 今日, ordered by the recovery score (or its override).'),
  'queue.overrideScore': channel<typeof scoreOverrideInput, { caseId: string; score: number; reason: string }>(scoreOverrideInput, 'Override a case’s recovery score with a reason (kept in the audit log).'),
} as const
