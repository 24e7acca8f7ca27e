import type { z } from 'zod'
import type { AppError } from '../../shared/ipc/result'
import { CLAIM_INPUT_ERRORS } from '../../shared/domain/claim'

/**
 * Turn zod's issues into one AppError a lawyer can read, in Chinese and English, naming the field.
 * Messages written with `bi(zh, en)` in shared/domain/fields.ts arrive as "中文 | English" and are split;
 * zod's own issues are translated by their code.
 */
export function zodToAppError(error: z.ZodError): AppError {
  const issues = error.issues.map(describe)
  const first = issues[0]
  const own = error.issues[0].message
  return {
    // Schemas that speak in stable codes (the calculator's) keep their code; the rest are INVALID_INPUT.
    code: own in CLAIM_INPUT_ERRORS ? own : 'INVALID_INPUT',
    message: `输入有误：${first.fieldZh}${first.zh}`,
    messageEn: `Invalid input: ${first.fieldEn}${first.en}`,
    field: first.path || undefined,
    details: issues.map(({ path, zh, en }) => ({ path, message: zh, messageEn: en })),
  }
}

function describe(issue: z.core.$ZodIssue) {
  const path = issue.path.map(String).join('.')
  const fieldZh = path ? `字段「${path}」` : ''
  const fieldEn = path ? `field "${path}" ` : ''
  const [zh, en] = translate(issue)
  return { path, fieldZh, fieldEn, zh, en }
}

function translate(issue: z.core.$ZodIssue): [string, string] {
  if (issue.message in CLAIM_INPUT_ERRORS) {
    const m = CLAIM_INPUT_ERRORS[issue.message as keyof typeof CLAIM_INPUT_ERRORS]
    return [m.zh, m.en]
  }
  if (issue.message.includes(' | ')) {
    const [zh, en] = issue.message.split(' | ')
    return [zh, en]
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? ['为必填项', 'is required'] : [`类型错误，应为 ${issue.expected}`, `must be of type ${issue.expected}`]
    case 'unrecognized_keys':
      return [`含有不允许的字段：${issue.keys.join('、')}`, `has unknown field(s): ${issue.keys.join(', ')}`]
    case 'too_small':
      return issue.origin === 'string'
        ? [`长度不能少于 ${issue.minimum} 个字符`, `must be at least ${issue.minimum} characters`]
        : issue.origin === 'array'
          ? [`至少需要 ${issue.minimum} 项`, `needs at least ${issue.minimum} item(s)`]
          : [`不能小于 ${issue.minimum}`, `must be at least ${issue.minimum}`]
    case 'too_big':
      return issue.origin === 'string'
        ? [`长度不能超过 ${issue.maximum} 个字符`, `must be at most ${issue.maximum} characters`]
        : issue.origin === 'array'
          ? [`最多 ${issue.maximum} 项`, `allows at most ${issue.maximum} item(s)`]
          : [`不能大于 ${issue.maximum}`, `must be at most ${issue.maximum}`]
    case 'invalid_value':
      return [`取值无效，可选：${issue.values.join('、')}`, `must be one of ${issue.values.join(', ')}`]
    case 'invalid_format':
      return ['格式不正确', `has an invalid format (${issue.format})`]
    case 'invalid_union':
      return ['取值无效', 'has an invalid value']
    default:
      return ['无效', issue.message]
  }
}
