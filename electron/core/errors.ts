import type { AppError } from '../../shared/ipc/result'

/**
 * A failure the user can act on: bad input, a rule the law or the house imposes, a missing record.
 * Services throw it; the dispatcher turns it into a `Result` error. Anything else that is thrown
 * is a bug and reaches the user as INTERNAL.
 */
export class UserError extends Error implements AppError {
  readonly code: string
  readonly messageEn: string
  readonly field?: string
  readonly details?: unknown

  constructor(code: string, zh: string, en: string, opts: { field?: string; details?: unknown } = {}) {
    super(zh)
    this.name = 'UserError'
    this.code = code
    this.messageEn = en
    this.field = opts.field
    this.details = opts.details
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message, messageEn: this.messageEn, field: this.field, details: this.details }
  }
}

export const notFound = (what: string, whatEn: string, id: string) =>
  new UserError('NOT_FOUND', `未找到${what}：${id}`, `${whatEn} not found: ${id}`, { details: { id } })
