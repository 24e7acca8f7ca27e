import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { UserError } from '../errors'

/**
 * The conduct rules the guard applies, as editable data (resources/data/conduct-rules.json). Every number
 * here is a labelled default whose source is unverified ([U], LEGAL-RULES.md §E.1), so a firm can change
 * it without a release.
 */

export const CONTACT_CHANNELS = ['phone', 'sms', 'letter', 'lawyer_letter', 'visit', 'email', 'other'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: '电话', sms: '短信', letter: '信函', lawyer_letter: '律师函', visit: '上门', email: '邮件', other: '其他',
}

export const CONTACT_TARGETS = ['borrower', 'guarantor', 'emergency_contact', 'other'] as const
export type ContactTarget = (typeof CONTACT_TARGETS)[number]

export const TARGET_LABELS: Record<ContactTarget, string> = {
  borrower: '借款人', guarantor: '担保人', emergency_contact: '紧急联系人', other: '其他人',
}

export const CONTACT_OUTCOMES = ['answered', 'no_answer', 'invalid_number', 'promised', 'refused', 'negotiating', 'lost_contact'] as const
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number]

export const OUTCOME_LABELS: Record<ContactOutcome, string> = {
  answered: '接通', no_answer: '未接', invalid_number: '空号', promised: '承诺还款', refused: '拒绝', negotiating: '协商中', lost_contact: '失联',
}

// Messages are "中文 | English" pairs, split by parseConductRules.
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须写成 HH:MM，如 08:00 | time must be HH:MM, e.g. 08:00')
const channel = z.enum(CONTACT_CHANNELS)
const count = z.number({ message: '须为整数 | must be a whole number' }).int('须为整数 | must be a whole number').min(1, '至少为 1 | at least 1').max(100, '不能超过 100 | at most 100')
const cap = z.object({ perDay: count, perWeek: count }).refine((c) => c.perWeek >= c.perDay, { message: '每周上限不能小于每日上限 | the weekly cap cannot be below the daily cap', path: ['perWeek'] })

export const conductRulesSchema = z.object({
  status: z.string().optional(),
  label: z.string().optional(),
  contactHours: z
    .object({ start: hhmm, end: hhmm, channels: z.array(channel) })
    .refine((h) => h.start < h.end, { message: '开始时间须早于结束时间 | the start must be before the end', path: ['end'] }),
  frequency: z.object({ caps: z.partialRecord(channel, cap) }),
  thirdParty: z.object({
    targets: z.array(z.enum(CONTACT_TARGETS)),
    outcomes: z.array(z.enum(CONTACT_OUTCOMES)),
    keywords: z.array(z.string().min(1)),
    negationPrefixes: z.array(z.string().min(1)),
    disclosureVerbs: z.array(z.string().min(1)),
  }),
  forbiddenExpressions: z.object({
    categories: z.array(z.object({ key: z.string().min(1), zh: z.string().min(1), en: z.string().min(1), terms: z.array(z.string().trim().min(1, '词语不能为空 | a term cannot be empty')).min(1, '每类至少一个词语 | each category needs at least one term') })),
  }),
})

export type ConductRules = z.infer<typeof conductRulesSchema>

/** Validate conduct rules (shipped defaults or the firm's edited copy). Throws a UserError naming the field. */
export function parseConductRules(json: unknown): ConductRules {
  const r = conductRulesSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    const where = issue.path.join('.')
    const [zh, en = zh] = issue.message.split(' | ')
    throw new UserError('CONDUCT_RULES_INVALID', `催收行为规则有误（${where}）：${zh}`, `Invalid conduct rules (${where}): ${en}`, {
      field: where,
    })
  }
  return r.data
}

/** Read and validate a conduct-rules JSON file (e.g. resources/data/conduct-rules.json). */
export function readConductRulesFile(path: string): ConductRules {
  return parseConductRules(JSON.parse(readFileSync(path, 'utf8')))
}
