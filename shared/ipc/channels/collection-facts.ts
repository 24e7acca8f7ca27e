import {
  acknowledgementInput, assetInput, conductRulesInput, paymentOrderFactsInput, receiptInput,
  type AcknowledgementView, type ConductRulesView, type ReductionLimitRow, type KnownAssetView, type PaymentOrderAdvice,
} from '../../domain/collection-facts'
import type { CollectionAction } from '../../domain/collection'
import { byId, channel, none } from '../channel'

/** Facts gathered while collecting (issue 8): known assets, signed acknowledgements, delivery receipts, 支付令 conditions; and the rules' settings (conduct rules, reduction limits). */
export const collectionFactsChannels = {
  'assets.add': channel<typeof assetInput, KnownAssetView>(assetInput, 'Record an asset the borrower is known to own (kind, description, value in fen, source, date found); it counts in the recovery score.'),
  'assets.list': channel<typeof byId, KnownAssetView[]>(byId, 'The known assets of a case (id).'),
  'acknowledgements.add': channel<typeof acknowledgementInput, AcknowledgementView>(acknowledgementInput, 'Record a debt acknowledgement (债务确认书) the borrower signed; it restarts limitation (or waives an expired one).'),
  'acknowledgements.list': channel<typeof byId, AcknowledgementView[]>(byId, 'The signed acknowledgements of a case (id).'),
  'actions.attachReceipt': channel<typeof receiptInput, CollectionAction>(receiptInput, 'Take a letter’s delivery receipt (送达回执: base64 with its file name, or a file staged by import.upload named by its uploadId, then discarded) in as 送达凭证 evidence and link it to the action with its delivery date: the demand then counts for limitation.'),
  'paymentOrder.get': channel<typeof byId, PaymentOrderAdvice>(byId, 'The 支付令 conditions checked for a case (id) and the verdict: eligible, not eligible, or still to check.'),
  'paymentOrder.set': channel<typeof paymentOrderFactsInput, PaymentOrderAdvice>(paymentOrderFactsInput, 'Record which 支付令 conditions hold (can be served, no dispute, …); answers with the verdict.'),
  'conduct.rules': channel<typeof none, ConductRulesView>(none, 'The conduct rules the guard applies now: contact hours, caps per channel, third-party and forbidden-expression lists (the shipped defaults until edited).'),
  'conduct.setRules': channel<typeof conductRulesInput, ConductRulesView>(conductRulesInput, 'Store the firm’s conduct rules (validated whole; a wrong field is named in Chinese and English and nothing is stored), or null for the shipped defaults. Audited.'),
  'plans.reductionLimits': channel<typeof none, ReductionLimitRow[]>(none, 'Every lender with the reduction a lawyer may grant without further approval (percent of interest, penalty and fees).'),
} as const
