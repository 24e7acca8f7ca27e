import { z } from 'zod'
import { isIsoDate } from './date'

/**
 * Field schemas reused across the contract. Custom messages carry both languages as "中文 | English";
 * the dispatcher splits them (see zodIssueToError in electron/core/dispatch).
 */
export const bi = (zh: string, en: string) => `${zh} | ${en}`

export const isoDate = z.string().refine(isIsoDate, { message: bi('日期须为真实日期，格式 YYYY-MM-DD', 'must be a real date written YYYY-MM-DD') })

/** Money in integer fen (分), never negative, at most 100 billion yuan. */
export const fen = z
  .number({ message: bi('金额须为整数（单位：分）', 'amount must be an integer number of fen') })
  .int(bi('金额须为整数（单位：分）', 'amount must be an integer number of fen'))
  .nonnegative(bi('金额不能为负数', 'amount must not be negative'))
  .max(10_000_000_000_000, bi('金额过大', 'amount too large'))

/** An annual rate as a decimal fraction string, e.g. "0.154" for 15.4%. "24" (a percent) is refused. */
export const annualRate = z
  .string()
  .regex(/^(0(\.\d{1,10})?|1(\.0{1,10})?)$/, bi('年利率须写成小数，如 0.24 表示 24%', 'annual rate must be a fraction such as 0.24 for 24%'))

export const text = (max: number) => z.string().trim().min(1, bi('不能为空', 'must not be empty')).max(max, bi(`不能超过 ${max} 个字符`, `at most ${max} characters`))
export const optionalText = (max: number) => z.string().trim().max(max, bi(`不能超过 ${max} 个字符`, `at most ${max} characters`)).optional()

export const id = z.string().min(1).max(64)

/** Mainland mobile or landline as digits (optionally +86 / dashes, normalised by the service). */
export const phone = z.string().trim().regex(/^[+\d][\d\- ]{4,19}$/, bi('电话号码格式不正确', 'invalid phone number'))
