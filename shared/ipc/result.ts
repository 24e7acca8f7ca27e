/**
 * The envelope every call across a door (IPC, web bridge, CLI) returns. Nothing throws across the boundary:
 * a failure carries a stable `code`, a message in Chinese (`message`) and English (`messageEn`),
 * and optionally the offending `field` and free-form `details`.
 */
export interface AppError {
  code: string
  message: string
  messageEn: string
  field?: string
  details?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (error: AppError): Result<never> => ({ ok: false, error })
