import { join } from 'node:path'
import { createWorkCalendar, readHolidayCalendarFile, type WorkCalendar } from '../../../electron/core/law/calendar'

/** The shipped calendar, read from the real data file (not a copy), so a data mistake fails these tests. */
export const HOLIDAYS_PATH = join(import.meta.dirname, '../../../resources/data/holidays-cn.json')

export function shippedCalendar(): WorkCalendar {
  return createWorkCalendar(readHolidayCalendarFile(HOLIDAYS_PATH))
}
