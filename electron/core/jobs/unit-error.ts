import { UserError } from '../errors'
import type { UnitError } from './types'

/** A unit's failure as the job lists it: a UserError as it is, anything else as UNIT_FAILED with its message. */
export function unitError(label: string, e: unknown): UnitError {
  return e instanceof UserError
    ? { label, code: e.code, message: e.message, messageEn: e.messageEn }
    : { label, code: 'UNIT_FAILED', message: `处理失败：${(e as Error)?.message ?? e}`, messageEn: `Failed: ${(e as Error)?.message ?? e}` }
}
