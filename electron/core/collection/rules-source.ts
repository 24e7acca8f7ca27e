import { join } from 'node:path'
import type { CoreContext } from '../context'
import { createWorkCalendar, readHolidayCalendarFile, type WorkCalendar } from '../law/calendar'
import { readConductRulesFile, type ConductRules } from './conduct-rules'

/**
 * The data the collection services judge by, read from resources/data once per core: the holiday calendar
 * (for every period) and the conduct rules (for the guard). Both are files so a firm can update them
 * without a release; a malformed file is a coded UserError, never a silent default.
 */
export function ruleSources(ctx: CoreContext) {
  let calendar: WorkCalendar | undefined
  let conduct: ConductRules | undefined
  return {
    calendar: (): WorkCalendar => (calendar ??= createWorkCalendar(readHolidayCalendarFile(join(ctx.platform.resourcesDir, 'data', 'holidays-cn.json')))),
    conduct: (): ConductRules => (conduct ??= readConductRulesFile(join(ctx.platform.resourcesDir, 'data', 'conduct-rules.json'))),
  }
}

export type RuleSources = ReturnType<typeof ruleSources>
