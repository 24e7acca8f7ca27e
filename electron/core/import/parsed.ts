/**
 * The result of normalising one cell. Normalisers never throw on bad input: a bad cell is an
 * ordinary outcome that becomes a row-level error with a stable code and a zh/en message.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string; messageEn: string }

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value })

export const bad = (code: string, message: string, messageEn: string): Parsed<never> => ({ ok: false, code, message, messageEn })
