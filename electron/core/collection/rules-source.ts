import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { CoreContext } from '../context'
import { createWorkCalendar, readHolidayCalendarFile, type WorkCalendar } from '../law/calendar'
import { parseConductRules, readConductRulesFile, type ConductRules } from './conduct-rules'

/** The settings key of the firm's edited conduct rules. */
export const CONDUCT_RULES_KEY = 'collection.conductRules'

/**
 * The data the collection services judge by, read from resources/data once per core: the holiday calendar
 * (for every period) and the conduct rules (for the guard). Both are files so a firm can update them
 * without a release; a malformed file is a coded UserError, never a silent default.
 */
export function ruleSources(ctx: CoreContext) {
  let calendar: { cal: WorkCalendar; key: string } | undefined
  let conduct: { rules: ConductRules; stamp: string } | undefined
  const loadCalendar = () => {
    const data = readHolidayCalendarFile(join(ctx.platform.resourcesDir, 'data', 'holidays-cn.json'))
    return { cal: createWorkCalendar(data), key: createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16) }
  }
  return {
    calendar: (): WorkCalendar => (calendar ??= loadCalendar()).cal,
    /** A fingerprint of the calendar data: stored limitation computed on another calendar is recomputed. */
    calendarKey: (): string => (calendar ??= loadCalendar()).key,
    /** The firm's edited rules (settings) when there are any, else the shipped file; re-read when the settings change. */
    conduct: (): ConductRules => {
      const row = ctx.db.raw.prepare(`SELECT value_json, updated_at FROM settings WHERE key = ?`).get(CONDUCT_RULES_KEY) as { value_json: string; updated_at: string } | undefined
      const stamp = row?.updated_at ?? 'file'
      if (conduct?.stamp !== stamp) {
        conduct = { stamp, rules: row ? parseConductRules(JSON.parse(row.value_json)) : readConductRulesFile(join(ctx.platform.resourcesDir, 'data', 'conduct-rules.json')) }
      }
      return conduct.rules
    },
    /** The shipped defaults, for "reset". */
    conductDefaults: (): ConductRules => readConductRulesFile(join(ctx.platform.resourcesDir, 'data', 'conduct-rules.json')),
  }
}

export type RuleSources = ReturnType<typeof ruleSources>
