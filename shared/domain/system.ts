export interface SystemInfo {
  version: string
  dataDir: string
  cases: number
  schema: string
}

export interface IdNumberReport {
  valid: boolean
  reason: null | 'length' | 'format' | 'bad_birth_date' | 'bad_check_digit'
  birthDate: string | null
  sex: 'male' | 'female' | null
}

export interface CreditCodeReport {
  valid: boolean
  reason: null | 'length' | 'illegal_character' | 'bad_check_character'
}

export interface AuditReport {
  ok: boolean
  entries: number
  firstBroken: { seq: number; reason: string } | null
}

export interface DbCheckReport {
  ok: boolean
  integrity: string[]
  foreignKeyViolations: { table: string; rowid: number; parent: string }[]
  migrations: { applied: string[]; latest: string; upToDate: boolean }
}
